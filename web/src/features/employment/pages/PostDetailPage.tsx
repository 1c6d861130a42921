import { Alert, Button, Card, Descriptions, Flex, List, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDay } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePost, usePostTypes, type Holding } from '../api.ts';
import { AttendancePanel } from '../components/AttendancePanel.tsx';
import { AssignModal, EndHoldingModal } from '../components/HolderModals.tsx';
import { HolderState } from '../components/HolderState.tsx';
import { PostModal } from '../components/PostModal.tsx';

/** One public-welfare post: its terms, the holder (assign, end), the month's attendance and past holders. */
export function PostDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const post = usePost(id);
  const types = usePostTypes();
  const [open, setOpen] = useState<'edit' | 'assign' | Holding | null>(null);
  if (post.error) return <ErrorView error={post.error} />;
  if (!post.data) return <Spin />;
  const p = post.data;
  const past = p.holdings.filter((h) => h.endOn !== null);
  return (
    <>
      <PageHeader
        title={p.title}
        extra={
          <Space wrap>
            <Link to="/employment/posts">{t('employment.posts.back')}</Link>
            {p.mayKeep && (
              <Button onClick={() => setOpen('edit')} data-testid="post-edit">
                {t('employment.posts.edit')}
              </Button>
            )}
          </Space>
        }
      />
      <Flex vertical gap={12}>
        <Card size="small">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('employment.posts.type')}>
              {types.label(p.postType)}
            </Descriptions.Item>
            <Descriptions.Item label={t('employment.posts.community')}>{p.placeName}</Descriptions.Item>
            <Descriptions.Item label={t('employment.posts.term')}>
              {formatDay(p.termStart)} ~ {formatDay(p.termEnd)}
            </Descriptions.Item>
            <Descriptions.Item label={t('employment.posts.subsidy')}>
              {t('employment.posts.subsidyShown', { amount: p.monthlySubsidy.toFixed(2) })}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          size="small"
          title={t('employment.posts.holder')}
          extra={
            p.mayKeep &&
            (p.holder ? (
              <Button danger onClick={() => setOpen(p.holder)} data-testid="holder-end">
                {t('employment.posts.endAction')}
              </Button>
            ) : (
              <Button type="primary" onClick={() => setOpen('assign')} data-testid="holder-assign">
                {t('employment.posts.assign')}
              </Button>
            ))
          }
        >
          <div data-testid="post-holder">
            <HolderState post={p} />
          </div>
          {p.holder && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {t('employment.posts.since', { day: formatDay(p.holder.startOn) })} ·{' '}
              <Link to={`/registry/households/${p.holder.householdId}`}>
                {t('employment.posts.household')}
              </Link>
            </Typography.Paragraph>
          )}
          {p.holder && p.holder.shouldExit.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              message={t('employment.posts.shouldExitHelp')}
            />
          )}
        </Card>
        {p.holdings.length > 0 && <AttendancePanel post={p} />}
        <Card size="small" title={t('employment.posts.history')}>
          <List
            dataSource={past}
            locale={{ emptyText: t('employment.posts.noHistory') }}
            renderItem={(h) => (
              <List.Item data-testid="holding-history">
                <Space wrap size={4}>
                  <Typography.Text>{h.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {formatDay(h.startOn)} ~ {formatDay(h.endOn)}
                  </Typography.Text>
                  {h.endReason && <Tag>{t(`employment.posts.endReasons.${h.endReason}`)}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Flex>
      {open === 'edit' && <PostModal post={p} onClose={() => setOpen(null)} />}
      {open === 'assign' && <AssignModal post={p} onClose={() => setOpen(null)} />}
      {open && typeof open === 'object' && <EndHoldingModal holding={open} onClose={() => setOpen(null)} />}
    </>
  );
}
