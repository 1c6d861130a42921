import { Alert, Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { useHouseholdEmployment, type EmploymentRecord, type LabourMember } from '../api.ts';
import { RecordModal } from './RecordModal.tsx';
import { WagesCard } from './WagesCard.tsx';
import { ZeroState } from './ZeroState.tsx';

type Editing = { personId: string; record?: EmploymentRecord; ending?: boolean } | null;

function RecordItem({
  r,
  onEdit,
  onEnd,
  writable,
}: {
  r: EmploymentRecord;
  onEdit: () => void;
  onEnd: () => void;
  writable: boolean;
}) {
  const { t } = useTranslation();
  return (
    <List.Item
      data-testid="employment-record"
      actions={
        writable
          ? [
              <a key="edit" onClick={onEdit}>
                {t('employment.record.edit')}
              </a>,
              ...(r.current
                ? [
                    <a key="end" onClick={onEnd} data-testid="record-end-open">
                      {t('employment.record.end')}
                    </a>,
                  ]
                : []),
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            <span>{r.employerName}</span>
            <Tag>{t(`employment.kinds.${r.kind}`)}</Tag>
            {r.current ? (
              <Tag color="green">{t('employment.current')}</Tag>
            ) : (
              <Tag>{t('employment.ended')}</Tag>
            )}
            {r.verified && <Tag color="blue">{t('employment.record.verified')}</Tag>}
          </Space>
        }
        description={
          <>
            {t('employment.record.period', { start: r.startOn, end: r.endOn ?? t('employment.record.open') })}
            {' · '}
            {t('employment.record.wageShown', { wage: r.monthlyWage })}
            {r.place && ` · ${r.place}`}
          </>
        }
      />
    </List.Item>
  );
}

function MemberCard({
  m,
  writable,
  onEdit,
}: {
  m: LabourMember;
  writable: boolean;
  onEdit: (e: Editing) => void;
}) {
  const { t } = useTranslation();
  const p = m.profile;
  return (
    <Card size="small" data-testid="labour-member" style={{ width: '100%' }}>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <Space wrap size={4}>
          <Typography.Text strong>{m.name}</Typography.Text>
          <Typography.Text type="secondary">
            {t('employment.member.age', { age: m.age })} · {t(`employment.capacity.${m.labourCapacity}`)}
          </Typography.Text>
          {m.labourForce &&
            (m.employed ? (
              <Tag color="green" data-testid="member-employed">
                {t('employment.employed')}
              </Tag>
            ) : (
              <Tag color="orange" data-testid="member-unemployed">
                {t('employment.notEmployed')}
              </Tag>
            ))}
        </Space>
        {writable && m.labourForce && (
          <Button size="small" onClick={() => onEdit({ personId: m.personId })} data-testid="record-add">
            {t('employment.record.add')}
          </Button>
        )}
      </Flex>
      {p && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
          {[
            p.skills.length > 0 && t('employment.profile.skillsShown', { skills: p.skills.join('、') }),
            p.workPreference && t(`employment.preferences.${p.workPreference}`),
            p.trainingWishes.length > 0 &&
              t('employment.profile.wishesShown', { wishes: p.trainingWishes.join('、') }),
            !m.employed && p.notWorkingReason && t(`employment.reasons.${p.notWorkingReason}`),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Paragraph>
      )}
      {m.records.length > 0 && (
        <List<EmploymentRecord>
          size="small"
          dataSource={m.records}
          renderItem={(r) => (
            <RecordItem
              r={r}
              writable={writable}
              onEdit={() => onEdit({ personId: m.personId, record: r })}
              onEnd={() => onEdit({ personId: m.personId, record: r, ending: true })}
            />
          )}
        />
      )}
    </Card>
  );
}

/**
 * A household's employment: each member's labour register entry and jobs, and its zero-employment
 * state unless the page shows it already (`withZero` false).
 */
export function HouseholdEmploymentTab({
  householdId,
  withZero = true,
}: {
  householdId: string;
  withZero?: boolean;
}) {
  const { t } = useTranslation();
  const data = useHouseholdEmployment(householdId);
  const [editing, setEditing] = useState<Editing>(null);
  if (data.error) return <ErrorView error={data.error} />;
  if (!data.data) return <Card loading />;
  const writable = data.data.mayKeep;
  const zero = data.data.zeroEmployment;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="household-employment">
      {withZero && zero && !zero.clearedOn && (
        <Alert
          type={zero.overdue ? 'error' : 'warning'}
          showIcon
          message={<ZeroState zero={zero} />}
          action={<Link to={`/employment/zero/${zero.id}`}>{t('employment.zero.open')}</Link>}
        />
      )}
      {writable && (
        <Link to={`/employment/survey/${householdId}`} data-testid="survey-open">
          <Button block>{t('employment.survey.title')}</Button>
        </Link>
      )}
      {data.data.members.length === 0 ? (
        <Empty description={t('employment.member.none')} />
      ) : (
        data.data.members.map((m) => (
          <MemberCard key={m.personId} m={m} writable={writable} onEdit={setEditing} />
        ))
      )}
      <WagesCard householdId={householdId} />
      {editing && (
        <RecordModal
          personId={editing.personId}
          record={editing.record}
          ending={editing.ending}
          onClose={() => setEditing(null)}
        />
      )}
    </Space>
  );
}
