import type { ZeroEmployment } from '@anju/contracts';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where a zero-employment household stands: days open, due or overdue, or cleared on a day. */
export function ZeroState({ zero }: { zero: ZeroEmployment }) {
  const { t } = useTranslation();
  if (zero.clearedOn)
    return (
      <Space wrap size={4} data-testid="zero-state">
        <Tag color="green">{t('employment.zero.cleared')}</Tag>
        {t(`employment.zero.clearedBy.${zero.clearedBy}`, { date: zero.clearedOn })}
      </Space>
    );
  return (
    <Space wrap size={4} data-testid="zero-state">
      {zero.overdue ? (
        <Tag color="red">{t('employment.zero.overdue')}</Tag>
      ) : (
        <Tag color="orange">{t('employment.zero.flagged')}</Tag>
      )}
      {t('employment.zero.daysOpen', { count: zero.daysOpen })}
      {' · '}
      {t('employment.zero.dueOn', { date: zero.dueOn })}
    </Space>
  );
}
