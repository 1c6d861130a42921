import type { Incident } from '@anju/contracts';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOURS: Record<string, string> = {
  reported: 'gold',
  accepted: 'blue',
  dispatched: 'geekblue',
  in_progress: 'processing',
  replied: 'cyan',
  verified: 'purple',
  closed: 'green',
  recalled: 'default',
};

/** Status, and the supervised and overdue marks, of an incident. */
export function IncidentTags({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOURS[incident.status]} data-testid="incident-status">
        {t(`incidents.status.${incident.status}`)}
      </Tag>
      {incident.supervised && <Tag color="magenta">{t('incidents.fields.supervised')}</Tag>}
      {incident.overdue && (
        <Tag color="red" data-testid="incident-overdue">
          {t('incidents.fields.overdue')}
        </Tag>
      )}
    </Space>
  );
}
