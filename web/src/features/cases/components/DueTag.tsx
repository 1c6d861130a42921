import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DAY } from '../steps.ts';

/** Whole days left until a deadline, or days past it in red. */
export function DueTag({ due, testId }: { due: string | null; testId?: string }) {
  const { t } = useTranslation();
  if (!due) return null;
  const left = new Date(due).getTime() - Date.now();
  if (left < 0)
    return (
      <Tag color="red" data-testid={testId}>
        {t('cases.due.late', { count: Math.ceil(-left / DAY) })}
      </Tag>
    );
  const days = Math.floor(left / DAY);
  return (
    <Tag color={days < 1 ? 'orange' : 'green'} data-testid={testId}>
      {days < 1 ? t('cases.due.today') : t('cases.due.left', { count: days })}
    </Tag>
  );
}
