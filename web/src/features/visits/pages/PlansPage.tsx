import { PlusOutlined } from '@ant-design/icons';
import type { VisitPlan } from '@anju/contracts';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { isCode, useErrorText } from '../../../ui/errors.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useCodes } from '../../registry/index.ts';
import { useDeletePlan, usePlans } from '../api.ts';
import { PlanModal } from '../components/PlanModal.tsx';
import { useCommunity } from '../components/useCommunity.tsx';

type Dialog = { plan?: VisitPlan } | null;

/** The visit plans a community follows, and their editor for those who keep the grids. */
export function PlansPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedIn();
  const codes = useCodes();
  const errorText = useErrorText();
  const { communityId, picker } = useCommunity();
  const plans = usePlans(communityId);
  const remove = useDeletePlan();
  const [dialog, setDialog] = useState<Dialog>(null);
  const writable = me.permissions.includes('grid:write');
  const any = t('visits.plans.any');
  const own = plans.data && !plans.data.inherited;

  const columns = [
    {
      title: t('visits.plans.name'),
      dataIndex: 'name',
      render: (name: string, p: VisitPlan) => (
        <Space size={4}>
          {name}
          {p.communityId === null && <Tag>{t('visits.plans.default')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('visits.plans.tag'),
      dataIndex: 'tag',
      render: (c: string | null) => (c ? codes.tag(c) : any),
    },
    {
      title: t('visits.plans.povertyStatus'),
      dataIndex: 'povertyStatus',
      render: (c: string | null) => (c ? codes.label('poverty', c) : any),
    },
    {
      title: t('visits.plans.labourCapacity'),
      dataIndex: 'labourCapacity',
      render: (c: string | null) => (c ? codes.label('labour', c) : any),
    },
    {
      title: t('visits.plans.intervalDays'),
      dataIndex: 'intervalDays',
      render: (d: number) => t('visits.plans.everyDays', { days: d }),
    },
    ...(writable && own
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, p: VisitPlan) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setDialog({ plan: p })}>
                  {t('visits.plans.edit')}
                </Button>
                <Popconfirm
                  title={t('visits.plans.deleteConfirm', { name: p.name })}
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    remove.mutate(p, {
                      onError: (e) =>
                        void (isCode(e, 'conflict')
                          ? message.warning(t('visits.plans.stale'))
                          : message.error(errorText(e))),
                    })
                  }
                >
                  <Button type="link" size="small" danger>
                    {t('visits.plans.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={t('visits.plans.title')}
        extra={
          writable &&
          communityId && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({})}
              data-testid="plan-add"
            >
              {t('visits.plans.add')}
            </Button>
          )
        }
      />
      <div style={{ maxWidth: 360 }}>{picker}</div>
      {plans.data?.inherited && <Alert type="info" showIcon message={t('visits.plans.inherited')} />}
      <Alert type="info" message={t('visits.plans.rule')} />
      {plans.error ? (
        <ErrorView error={plans.error} />
      ) : (
        <Card size="small">
          <Table<VisitPlan>
            rowKey="id"
            size="small"
            loading={plans.isLoading}
            columns={columns}
            dataSource={plans.data?.plans ?? []}
            pagination={false}
            scroll={{ x: true }}
            data-testid="plans-table"
          />
        </Card>
      )}
      {dialog && communityId && (
        <PlanModal communityId={communityId} plan={dialog.plan} onClose={() => setDialog(null)} />
      )}
    </Space>
  );
}
