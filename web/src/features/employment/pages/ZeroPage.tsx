import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SegmentedCardList, useSegmentedList } from '../../../ui/SegmentedCardList.tsx';
import { useZeroList } from '../api.ts';
import { ZeroState } from '../components/ZeroState.tsx';

const STATUSES = ['open', 'overdue', 'cleared'] as const;

/** Zero-employment households in scope, open ones by their deadline, with days open and overdue. */
export function ZeroPage() {
  const { t } = useTranslation();
  const state = useSegmentedList('status', STATUSES);
  const list = useZeroList({ status: state.value, page: state.page, pageSize: state.pageSize });
  return (
    <>
      <PageHeader title={t('employment.zero.title')} />
      <SegmentedCardList
        state={state}
        values={STATUSES}
        label={(s) => t(`employment.zero.status.${s}`)}
        list={list}
        emptyText={t('employment.zero.none')}
        testId="zero-status"
        renderItem={(z) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="zero-household">
            <Link to={`/employment/zero/${z.id}`}>
              <Typography.Text strong>{z.headName}</Typography.Text>{' '}
              <Typography.Text type="secondary">{z.householdNo}</Typography.Text>
            </Link>
            <div>
              <ZeroState zero={z} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('employment.zero.helpCount', { count: z.helpCount })}
            </Typography.Text>
          </Card>
        )}
      />
    </>
  );
}
