import { Card, Collapse, Empty, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { LanguageSwitch } from '../../../ui/LanguageSwitch.tsx';
import { usePublicDisclosures, type PublicDisclosures } from '../api.ts';
import { DisclosureBody } from '../components/DisclosureBody.tsx';

type Item = PublicDisclosures['items'][number];

/** A community's open affairs board for anyone, on a phone: the current version of each item, older versions archived. */
export function PublicPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const page = usePublicDisclosures(code);
  const current = page.data?.items.filter((i) => !i.superseded) ?? [];
  const archived = page.data?.items.filter((i) => i.superseded) ?? [];
  const card = (i: Item) => (
    <Card
      key={i.id}
      size="small"
      style={{ marginBottom: 12 }}
      title={i.title}
      extra={<Tag>{t(`disclosure.kinds.${i.kind}`)}</Tag>}
      data-testid="public-item"
    >
      <DisclosureBody content={i.content} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12, wordBreak: 'break-all' }}>
        {t('disclosure.public.published', { at: formatDateTime(i.publishedAt), period: i.period })}
        <br />
        <span data-testid="public-hash">{`${t('disclosure.public.hash')}：${i.hash}`}</span>
      </Typography.Paragraph>
    </Card>
  );
  return (
    <div style={{ maxWidth: 760, margin: '0 auto', padding: 12 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: '8px 0' }} data-testid="public-title">
          {page.data
            ? t('disclosure.public.title', { community: page.data.community.name })
            : t('disclosure.public.board')}
        </Typography.Title>
        <LanguageSwitch />
      </Space>
      {page.error ? (
        <ErrorView error={page.error} />
      ) : page.data && current.length === 0 ? (
        <Empty description={t('disclosure.public.empty')} />
      ) : (
        current.map(card)
      )}
      {archived.length > 0 && (
        <Collapse
          items={[
            {
              key: 'archive',
              label: t('disclosure.public.archive', { count: archived.length }),
              children: archived.map(card),
            },
          ]}
        />
      )}
    </div>
  );
}
