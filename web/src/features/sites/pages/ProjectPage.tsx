import { Button, Card, Descriptions, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { INDUSTRY_STATUSES, useProject, useSaveProject, type IndustryProjectDetail } from '../api.ts';
import { PayoutModal } from '../components/PayoutModal.tsx';

type Beneficiary = IndustryProjectDetail['beneficiaries'][number];
type Payment = IndustryProjectDetail['payments'][number];

/** An industry project: investment, households linked and how they benefit, the payment ledger; pay them all at once. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const project = useProject(id);
  const save = useSaveProject();
  const [paying, setPaying] = useState(false);
  const [status, setStatus] = useState<IndustryProjectDetail['status']>();
  if (project.error) return <ErrorView error={project.error} />;
  const p = project.data;
  if (!p) return <Card loading />;
  const next = status ?? p.status;
  return (
    <>
      <PageHeader
        title={p.name}
        extra={
          p.mayKeep && (
            <Button type="primary" onClick={() => setPaying(true)} data-testid="payout">
              {t('sites.project.payout')}
            </Button>
          )
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('sites.project.kind')}>
          {t(`sites.projectKind.${p.kind}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sites.project.place')}>{p.placeName}</Descriptions.Item>
        <Descriptions.Item label={t('sites.project.investment')}>
          ¥{p.investment.toLocaleString()} · {t(`sites.fund.${p.fundSource}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sites.project.status')}>
          {p.mayKeep ? (
            <Space wrap>
              <Select
                value={next}
                style={{ minWidth: 120 }}
                onChange={setStatus}
                options={INDUSTRY_STATUSES.map((s) => ({ value: s, label: t(`sites.status.${s}`) }))}
              />
              {next !== p.status && (
                <Popconfirm
                  title={t(next === 'failed' ? 'sites.project.failConfirm' : 'sites.project.statusConfirm')}
                  onConfirm={() =>
                    save.mutate(
                      { id: p.id, body: { status: next, version: p.version } },
                      { onSuccess: () => setStatus(undefined) },
                    )
                  }
                >
                  <Button danger={next === 'failed'}>{t('common.save')}</Button>
                </Popconfirm>
              )}
            </Space>
          ) : (
            <Tag>{t(`sites.status.${p.status}`)}</Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Card
        size="small"
        title={t('sites.project.households', { count: p.households })}
        style={{ marginTop: 12 }}
      >
        <Table<Beneficiary>
          size="small"
          rowKey="householdId"
          scroll={{ x: true }}
          dataSource={p.beneficiaries}
          data-testid="beneficiaries"
          columns={[
            {
              title: t('sites.project.household'),
              dataIndex: 'householdNo',
              render: (no: string, b) => (
                <Link to={`/registry/households/${b.householdId}`}>{`${no} ${b.headName}`}</Link>
              ),
            },
            {
              title: t('sites.project.benefit'),
              dataIndex: 'benefit',
              render: (k: string) => t(`sites.benefit.${k}`),
            },
            {
              title: t('sites.project.asset'),
              dataIndex: 'assetAmount',
              render: (a: number | null) => (a === null ? '—' : `¥${a}`),
            },
            { title: t('sites.project.paid'), dataIndex: 'paid', render: (a: number) => `¥${a}` },
          ]}
        />
      </Card>
      <Card size="small" title={t('sites.project.ledger')} style={{ marginTop: 12 }}>
        <Table<Payment>
          size="small"
          rowKey="id"
          scroll={{ x: true }}
          dataSource={p.payments}
          columns={[
            { title: t('sites.project.paidOn'), dataIndex: 'paidOn' },
            { title: t('sites.project.household'), dataIndex: 'headName' },
            {
              title: t('sites.project.benefit'),
              dataIndex: 'kind',
              render: (k: string) => t(`sites.benefit.${k}`),
            },
            { title: t('sites.project.amount'), dataIndex: 'amount', render: (a: number) => `¥${a}` },
            { title: t('sites.project.note'), dataIndex: 'note' },
          ]}
        />
      </Card>
      {paying && <PayoutModal project={p} onClose={() => setPaying(false)} />}
    </>
  );
}
