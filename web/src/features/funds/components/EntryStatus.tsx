import type { FundEntry } from '@anju/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS = { pending: 'gold', posted: 'green', rejected: 'default' } as const;

/** An entry's status, saying which approval a pending one still waits for. */
export function EntryStatus({
  entry,
}: {
  entry: Pick<FundEntry, 'status' | 'approvedBy' | 'aboveThreshold'>;
}) {
  const { t } = useTranslation();
  const waiting =
    entry.status === 'pending' && entry.approvedBy
      ? t('funds.status.waitingTownship')
      : t(`funds.status.${entry.status}`);
  return (
    <Tag color={COLORS[entry.status]} data-testid="entry-status">
      {waiting}
    </Tag>
  );
}
