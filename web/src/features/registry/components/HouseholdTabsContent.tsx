import type { HouseholdDetail, Person } from '@anju/contracts';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useHouseholdHistory } from '../api.ts';
import { useCodes } from '../codes.ts';
import { HistoryTimeline } from './HistoryTimeline.tsx';

/** The household's members, each linking to the person. */
export function HouseholdMembersTab({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const codes = useCodes();
  return (
    <Table<Person>
      data-testid="member-table"
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={household.members}
      columns={[
        {
          title: t('registry.person.name'),
          dataIndex: 'name',
          render: (name: string, p) => <Link to={`/registry/persons/${p.id}`}>{name}</Link>,
        },
        {
          title: t('registry.person.relation'),
          dataIndex: 'relation',
          render: (r: string) => codes.label('relation', r),
        },
        { title: t('registry.person.sex'), dataIndex: 'sex', render: (s: string) => codes.label('sex', s) },
        { title: t('registry.person.age'), dataIndex: 'age' },
        {
          title: t('registry.person.idNumber'),
          dataIndex: 'idNumber',
          render: (v: string) => <code>{v}</code>,
        },
        {
          title: t('registry.person.labourCapacity'),
          dataIndex: 'labourCapacity',
          render: (l: string) => codes.label('labour', l),
        },
        {
          title: t('registry.person.tags'),
          dataIndex: 'tags',
          render: (tags: string[]) => tags.map((c) => <Tag key={c}>{codes.tag(c)}</Tag>),
        },
        {
          title: t('registry.person.status'),
          dataIndex: 'status',
          render: (s: string) => codes.label('personStatus', s),
        },
      ]}
    />
  );
}

export function HouseholdHistoryTab({ household }: { household: HouseholdDetail }) {
  const history = useHouseholdHistory(household.id);
  return <HistoryTimeline entries={history.data} loading={history.isPending} error={history.error} />;
}
