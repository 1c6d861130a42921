import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const MINUTE = 60_000;

/** Time left until `due` (or past it), refreshed every half minute. */
export function Countdown({ due, testId }: { due: string; testId?: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE / 2);
    return () => clearInterval(timer);
  }, []);
  const left = new Date(due).getTime() - now;
  const minutes = Math.floor(Math.abs(left) / MINUTE);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const span = d > 0 ? t('incidents.due.dh', { d, h }) : t('incidents.due.hm', { h, m });
  return (
    <Tag color={left < 0 ? 'red' : left < 4 * 60 * MINUTE ? 'orange' : 'green'} data-testid={testId}>
      {left < 0 ? t('incidents.due.late', { span }) : t('incidents.due.left', { span })}
    </Tag>
  );
}
