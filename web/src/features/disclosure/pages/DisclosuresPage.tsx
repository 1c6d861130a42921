import { App, Button, Card, Drawer, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorText } from '../../../ui/errors.ts';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDateTime, formatDay } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMe } from '../../auth/api.ts';
import { useCorrect, useDisclosures, useSchedule, useStep, type Disclosure } from '../api.ts';
import { DisclosureBody } from '../components/DisclosureBody.tsx';
import { DraftModal } from '../components/DraftModal.tsx';

const STATUS_COLORS = { draft: 'default', approved: 'blue', published: 'green' } as const;

/** The disclosures of the user's communities, what is owed and late, and drafting, approving and publishing. */
export function DisclosuresPage() {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const me = useMe().data;
  const list = useDisclosures();
  const schedule = useSchedule();
  const [drafting, setDrafting] = useState(false);
  const [open, setOpen] = useState<Disclosure | null>(null);
  const late = (schedule.data ?? []).filter((d) => d.late);
  const own = me?.scopes.length === 1 && me.scopes[0].level === 'community' ? me.scopes[0] : undefined;
  const status = (d: Disclosure) => (
    <Space size={4}>
      <Tag color={STATUS_COLORS[d.status]} data-testid="disclosure-status">
        {t(`disclosure.statuses.${d.status}`)}
      </Tag>
      {d.late && <Tag color="red">{t('disclosure.late')}</Tag>}
    </Space>
  );
  return (
    <>
      <PageHeader
        title={t('disclosure.title')}
        extra={
          me?.permissions.includes('disclosure:write') && (
            <Button type="primary" onClick={() => setDrafting(true)} data-testid="disclosure-add">
              {t('disclosure.draft')}
            </Button>
          )
        }
      />
      {late.length > 0 && (
        <Card
          size="small"
          style={{ marginBottom: 12, borderColor: '#ffccc7' }}
          title={t('disclosure.lateTitle', { count: late.length })}
          data-testid="disclosure-late"
        >
          <Space wrap>
            {late.slice(0, 30).map((d) => (
              <Tag key={`${d.placeId}${d.kind}${d.period}`} color="red">
                {`${d.placeName} · ${t(`disclosure.kinds.${d.kind}`)} · ${d.period}（${t('disclosure.dueOn', { day: formatDay(d.dueOn) })}）`}
              </Tag>
            ))}
          </Space>
        </Card>
      )}
      {list.error ? (
        <ErrorView error={list.error} />
      ) : phone ? (
        <List<Disclosure>
          loading={list.isLoading}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('disclosure.empty') }}
          renderItem={(d) => (
            <Card
              size="small"
              style={{ marginTop: 12 }}
              title={d.title}
              extra={status(d)}
              onClick={() => setOpen(d)}
              data-testid="disclosure-card"
            >
              <Typography.Text type="secondary">{`${d.placeName} · ${t(`disclosure.kinds.${d.kind}`)} · ${d.period}`}</Typography.Text>
            </Card>
          )}
        />
      ) : (
        <Table<Disclosure>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          scroll={{ x: true }}
          locale={{ emptyText: t('disclosure.empty') }}
          onRow={(d) => ({ onClick: () => setOpen(d), style: { cursor: 'pointer' } })}
          data-testid="disclosure-list"
          columns={[
            { title: t('disclosure.titleField'), dataIndex: 'title' },
            { title: t('disclosure.community'), dataIndex: 'placeName' },
            {
              title: t('disclosure.kind'),
              dataIndex: 'kind',
              render: (k: string) => t(`disclosure.kinds.${k}`),
            },
            { title: t('disclosure.period'), dataIndex: 'period' },
            { title: t('disclosure.due'), dataIndex: 'dueOn', render: formatDay },
            { title: t('disclosure.status'), key: 'status', render: (_, d) => status(d) },
          ]}
        />
      )}
      {drafting && <DraftModal place={own} onClose={() => setDrafting(false)} />}
      {open && <DisclosureDrawer id={open.id} list={list.data ?? []} onClose={() => setOpen(null)} />}
    </>
  );
}

function DisclosureDrawer({ id, list, onClose }: { id: string; list: Disclosure[]; onClose(): void }) {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const d = list.find((x) => x.id === id);
  const step = useStep(id);
  const correct = useCorrect(id);
  if (!d) return null;
  const failed = (e: unknown) => message.error(errorText(e));
  const act = (action: 'approve' | 'publish') =>
    step.mutate(
      { action, version: d.version },
      { onSuccess: () => message.success(t(`disclosure.done.${action}`)), onError: failed },
    );
  return (
    <Drawer open onClose={onClose} width={phone ? '100%' : 720} title={d.title}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag>{t(`disclosure.statuses.${d.status}`)}</Tag>
        <span>{`${d.placeName} · ${d.period}`}</span>
        <span>{t('disclosure.draftedBy', { name: d.draftedBy })}</span>
        {d.approvedBy && <span>{t('disclosure.approvedBy', { name: d.approvedBy })}</span>}
      </Space>
      <DisclosureBody content={d.content} />
      {d.hash && (
        <Typography.Paragraph type="secondary" style={{ wordBreak: 'break-all', marginTop: 8 }}>
          {`${t('disclosure.public.hash')}：${d.hash} · ${formatDateTime(d.publishedAt)}`}
        </Typography.Paragraph>
      )}
      <Space wrap style={{ marginTop: 12 }}>
        {d.actions.includes('approve') && (
          <Button
            type="primary"
            loading={step.isPending}
            onClick={() => act('approve')}
            data-testid="disclosure-approve"
          >
            {t('disclosure.approve')}
          </Button>
        )}
        {d.actions.includes('publish') && (
          <Button
            type="primary"
            loading={step.isPending}
            onClick={() => act('publish')}
            data-testid="disclosure-publish"
          >
            {t('disclosure.publish')}
          </Button>
        )}
        {d.actions.includes('correct') && (
          <Button
            loading={correct.isPending}
            onClick={() => correct.mutate(undefined, { onSuccess: onClose, onError: failed })}
          >
            {t('disclosure.correct')}
          </Button>
        )}
        {d.placeCode && (
          <Link to={`/open/${d.placeCode}`} target="_blank" data-testid="disclosure-public-link">
            {t('disclosure.publicLink')}
          </Link>
        )}
      </Space>
    </Drawer>
  );
}
