import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useHouseholdTrainings, useTrainingKinds } from '../api.ts';

/** The courses a household's members took, with completion and the employment that followed; nothing when none. */
export function HouseholdTrainings({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const query = useHouseholdTrainings(householdId);
  const kinds = useTrainingKinds();
  const items = query.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('training.household')}
      style={{ marginTop: 12 }}
      data-testid="household-trainings"
    >
      <List
        size="small"
        dataSource={items}
        renderItem={(x) => (
          <List.Item key={x.id}>
            <div>
              <Typography.Text strong>{x.name}</Typography.Text> ·{' '}
              <Link to={`/training/${x.courseId}`}>{x.title}</Link> <Tag>{kinds.label(x.kind)}</Tag>
              <div>
                <Typography.Text type="secondary">
                  {t('training.attended', { hours: x.hoursAttended, of: x.hours })}
                  {x.completedOn && ` · ${t('training.completedOn', { day: x.completedOn })}`}
                  {x.certificateNo &&
                    ` · ${t(`training.certificates.${x.certificateKind}`)} ${x.certificateNo}`}
                </Typography.Text>{' '}
                {x.employedAfter !== null && (
                  <Tag color={x.employedAfter ? 'green' : undefined}>
                    {t(x.employedAfter ? 'training.employedAfter' : 'training.notEmployedAfter')}
                  </Tag>
                )}
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
