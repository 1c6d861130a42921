import type { CaseDetail, Measure } from '@anju/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MeasureForm } from './MeasureForm.tsx';

/** The case's assistance measures; those who may assist add and edit them. */
export function MeasuresCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Measure | null | undefined>(undefined);
  const yuan = (n: number | null) => (n === null ? '—' : `${n.toLocaleString()} ${t('cases.yuan')}`);
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
      <Table<Measure>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={detail.measures}
        data-testid="measure-table"
        locale={{ emptyText: t('cases.measure.none') }}
        columns={[
          {
            title: t('cases.measure.type'),
            dataIndex: 'type',
            render: (type: string) => t(`cases.measureType.${type}`),
          },
          {
            title: t('cases.measure.provider'),
            key: 'provider',
            render: (_, m) =>
              t('cases.measure.providerOf', {
                name: m.providerName,
                kind: t(`cases.providerKind.${m.providerKind}`),
              }),
          },
          {
            title: t('cases.measure.period'),
            key: 'period',
            render: (_, m) =>
              t('cases.measure.fromUntil', { from: m.startOn, until: m.endOn ?? t('cases.measure.open') }),
          },
          { title: t('cases.measure.amount'), dataIndex: 'amount', render: yuan },
          { title: t('cases.measure.outcome'), dataIndex: 'outcome', render: (o: string) => o || '—' },
          {
            title: t('cases.measure.state'),
            key: 'state',
            render: (_, m) => (
              <>
                {m.running ? (
                  <Tag color="processing">{t('cases.measure.running')}</Tag>
                ) : (
                  <Tag>{t('cases.measure.stopped')}</Tag>
                )}
                {m.outlivesElimination && <Tag color="purple">{t('cases.measure.outlives')}</Tag>}
              </>
            ),
          },
          ...(detail.canAssist
            ? [
                {
                  key: 'edit',
                  render: (_: unknown, m: Measure) => (
                    <Button size="small" onClick={() => setEditing(m)} data-testid="measure-edit">
                      {t('cases.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined && (
        <MeasureForm caseId={detail.id} editing={editing} onClose={() => setEditing(undefined)} />
      )}
    </Card>
  );
}
