import type { Need } from '@anju/contracts';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../ui/format.ts';

const STATUS_COLORS: Record<Need['status'], string> = {
  open: 'orange',
  referred: 'gold',
  accepted: 'blue',
  in_service: 'geekblue',
  done: 'green',
  rated: 'default',
};
const URGENCY_COLORS: Record<Need['urgency'], string> = {
  low: 'default',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

/** A need's status, with its deadline and whether it is late while the clock runs. */
export function NeedStatusTag({ need }: { need: Need }) {
  const { t } = useTranslation();
  const timed = need.status === 'open' || need.status === 'referred';
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[need.status]} data-testid="need-status">
        {t(`services.needs.statuses.${need.status}`)}
      </Tag>
      {need.overdue ? (
        <Tag color="red" data-testid="need-overdue">
          {t('services.needs.overdue')}
        </Tag>
      ) : (
        timed && <Tag>{`${t('services.needs.due')} ${formatDay(need.dueAt)}`}</Tag>
      )}
    </Space>
  );
}

export function UrgencyTag({ urgency }: { urgency: Need['urgency'] }) {
  const { t } = useTranslation();
  return <Tag color={URGENCY_COLORS[urgency]}>{t(`services.needs.urgencies.${urgency}`)}</Tag>;
}
