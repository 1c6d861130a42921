import { Card, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SegmentedCardList, useSegmentedList } from '../../../ui/SegmentedCardList.tsx';
import { useLabour } from '../api.ts';

const FILTERS = ['all', 'false', 'true'] as const;

/** The labour force in scope, employed or not, each person leading to their household's survey. */
export function LabourPage() {
  const { t } = useTranslation();
  const state = useSegmentedList('employed', FILTERS);
  const list = useLabour({
    employed: state.value === 'all' ? undefined : state.value,
    page: state.page,
    pageSize: state.pageSize,
  });
  return (
    <>
      <PageHeader title={t('employment.labour.title')} />
      <SegmentedCardList
        state={state}
        values={FILTERS}
        label={(f) => t(`employment.labour.filter.${f}`)}
        list={list}
        emptyText={t('employment.labour.none')}
        renderItem={(r) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="labour-row">
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Space wrap size={4}>
                <Typography.Text strong>{r.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('employment.member.age', { age: r.age })} · {r.householdNo}
                </Typography.Text>
                {r.employed ? (
                  <Tag color="green">{t('employment.employed')}</Tag>
                ) : (
                  <Tag color="orange">{t('employment.notEmployed')}</Tag>
                )}
              </Space>
              <Link to={`/employment/survey/${r.householdId}`} data-testid="labour-survey">
                {t('employment.survey.open')}
              </Link>
            </Flex>
          </Card>
        )}
      />
    </>
  );
}
