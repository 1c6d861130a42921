import type { Visit } from '@anju/contracts';
import { MonitorOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorText } from '../../../ui/errors.ts';
import { useMe } from '../../auth/api.ts';
import { useRaiseVisitLead } from '../api.ts';

/** 「转为监测线索」: a visit's finding becomes (or joins) the household's open monitoring lead, then links to it. */
export function VisitLeadButton({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useMe().data;
  const raise = useRaiseVisitLead(visit);
  if (!me?.permissions.includes('monitoring:write') || !visit.findings.trim()) return null;
  return (
    <Space wrap>
      <Button
        icon={<MonitorOutlined />}
        loading={raise.isPending}
        disabled={raise.isSuccess}
        onClick={() =>
          raise.mutate(undefined, {
            onSuccess: () => void message.success(t('monitoring.visitLead.done')),
            onError: (error) => void message.error(errorText(error)),
          })
        }
        data-testid="visit-to-lead"
      >
        {raise.isSuccess ? t('monitoring.visitLead.done') : t('monitoring.visitLead.action')}
      </Button>
      {raise.isSuccess && (
        <Link
          to={`/monitoring/leads?${new URLSearchParams({ q: visit.householdNo })}`}
          data-testid="visit-lead-link"
        >
          {t('monitoring.visitLead.open')}
        </Link>
      )}
    </Space>
  );
}
