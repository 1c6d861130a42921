import type { CaseDetail, Measure } from '@anju/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, List, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECIDING } from '../steps.ts';
import { MeasureForm } from './MeasureForm.tsx';

/** The case's assistance measures, a table on a desktop and a list on a phone; those who may assist add and edit them. */
export function MeasuresCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const [editing, setEditing] = useState<Measure | null | undefined>(undefined);
  const yuan = (n: number | null) => (n === null ? '—' : `${n.toLocaleString()} ${t('cases.yuan')}`);
  const provider = (m: Measure) =>
    t('cases.measure.providerOf', { name: m.providerName, kind: t(`cases.providerKind.${m.providerKind}`) });
  const period = (m: Measure) =>
    t('cases.measure.fromUntil', { from: m.startOn, until: m.endOn ?? t('cases.measure.open') });
  const state = (m: Measure) => (
    <>
      {m.running ? (
        <Tag color="processing">{t('cases.measure.running')}</Tag>
      ) : (
        <Tag>{t('cases.measure.stopped')}</Tag>
      )}
      {m.outlivesElimination && <Tag color="purple">{t('cases.measure.outlives')}</Tag>}
    </>
  );
  const placement = (m: Measure) =>
    m.placement &&
    t('cases.measure.placementOf', {
      person: m.placement.personName,
      employer: m.placement.employerName,
      kind: t(`employment.kinds.${m.placement.kind}`),
      wage: m.placement.monthlyWage.toLocaleString(),
      from: m.placement.startOn,
    });
  const edit = (m: Measure) =>
    detail.canAssist && (
      <Button size="small" onClick={() => setEditing(m)} data-testid="measure-edit">
        {t('cases.edit')}
      </Button>
    );

  const emptyText = DECIDING.includes(detail.step) ? t('cases.measure.noneYet') : t('cases.measure.none');

  return (
    <Card
      title={t('cases.measure.title')}
      extra={
        detail.canAssist && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="measure-add">
            {t('cases.measure.add')}
          </Button>
        )
      }
    >
      {phone ? (
        <List
          dataSource={detail.measures}
          data-testid="measure-table"
          locale={{ emptyText }}
          renderItem={(m) => (
            <List.Item data-testid="measure-item">
              <div style={{ width: '100%' }}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>{t(`cases.measureType.${m.type}`)}</Typography.Text>
                  {edit(m)}
                </Flex>
                <div>{provider(m)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {period(m)}
                  {m.amount !== null && ` · ${yuan(m.amount)}`}
                </Typography.Text>
                {m.outcome && <div>{m.outcome}</div>}
                {m.placement && (
                  <div data-testid="measure-placement">
                    <Tag color="green">{t('cases.measure.placement')}</Tag>
                    {placement(m)}
                  </div>
                )}
                <div style={{ marginTop: 4 }}>{state(m)}</div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<Measure>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={detail.measures}
          data-testid="measure-table"
          locale={{ emptyText }}
          columns={[
            {
              title: t('cases.measure.type'),
              dataIndex: 'type',
              render: (type: string) => t(`cases.measureType.${type}`),
            },
            { title: t('cases.measure.provider'), key: 'provider', render: (_, m) => provider(m) },
            {
              title: t('cases.measure.description'),
              dataIndex: 'description',
              ellipsis: true,
              width: 200,
              render: (d: string) => d || '—',
            },
            { title: t('cases.measure.period'), key: 'period', render: (_, m) => period(m) },
            { title: t('cases.measure.amount'), dataIndex: 'amount', render: yuan },
            {
              title: t('cases.measure.outcome'),
              dataIndex: 'outcome',
              ellipsis: true,
              width: 200,
              render: (o: string) => o || '—',
            },
            {
              title: t('cases.measure.placement'),
              key: 'placement',
              render: (_, m) =>
                m.placement ? <span data-testid="measure-placement">{placement(m)}</span> : '—',
            },
            { title: t('cases.measure.state'), key: 'state', render: (_, m) => state(m) },
            ...(detail.canAssist ? [{ key: 'edit', render: (_: unknown, m: Measure) => edit(m) }] : []),
          ]}
        />
      )}
      {editing !== undefined && (
        <MeasureForm caseId={detail.id} editing={editing} onClose={() => setEditing(undefined)} />
      )}
    </Card>
  );
}
