import type { CaseStep, MonitoringCase } from '@anju/contracts';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDictionary, useHouseholdCases } from '../api.ts';
import { dayOf } from '../steps.ts';
import { DueTag } from './DueTag.tsx';
import { StepTag } from './StepTag.tsx';

/** The household's monitoring cases, each with its step and a link to it; nothing when it has none. */
export function HouseholdCases({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const cases = useHouseholdCases(householdId);
  const categories = useDictionary('monitoring_category');
  if (!cases.data?.length) return null;
  return (
    <>
      <Typography.Title level={5}>{t('cases.household.title')}</Typography.Title>
      <Table<MonitoringCase>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={cases.data}
        data-testid="household-cases"
        style={{ marginBottom: 16 }}
        columns={[
          {
            title: t('cases.fields.step'),
            dataIndex: 'step',
            render: (s: CaseStep, c) => (
              <Link to={`/monitoring/cases/${c.id}`} data-testid="household-case-link">
                <StepTag step={s} />
              </Link>
            ),
          },
          {
            title: t('cases.fields.category'),
            dataIndex: 'category',
            render: (c: string | null) => (c ? categories.label(c) : '—'),
          },
          {
            title: t('cases.fields.stepDue'),
            key: 'due',
            render: (_, c) => (c.stepDueAt ? <DueTag due={c.stepDueAt} /> : '—'),
          },
          { title: t('cases.fields.openedAt'), dataIndex: 'openedAt', render: dayOf },
          { title: t('cases.fields.closedAt'), dataIndex: 'closedAt', render: dayOf },
        ]}
      />
    </>
  );
}
