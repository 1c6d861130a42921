import { Card, Descriptions, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDay } from '../../../ui/format.ts';
import { LanguageSwitch } from '../../../ui/LanguageSwitch.tsx';
import { useVerify } from '../api.ts';

/** The public check of a certificate of service hours by its serial: no sign-in, the masked name and hours only. */
export function VerifyPage() {
  const { t } = useTranslation();
  const { serial } = useParams();
  const navigate = useNavigate();
  const found = useVerify(serial);
  const c = found.data;
  return (
    <div style={{ maxWidth: 560, margin: '24px auto', padding: '0 12px' }}>
      <div style={{ textAlign: 'right' }}>
        <LanguageSwitch />
      </div>
      <Typography.Title level={3}>{t('volunteers.verify.title')}</Typography.Title>
      <Input.Search
        defaultValue={serial}
        placeholder="ZY2026-000001-ABCD"
        enterButton={t('volunteers.verify.check')}
        onSearch={(v) => v.trim() && navigate(`/verify/${v.trim().toUpperCase()}`)}
        data-testid="verify-serial"
      />
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={found.error} testId="verify-error" />
        {c && (
          <Card size="small" data-testid="verify-result">
            <Typography.Paragraph type="success" strong>
              {t('volunteers.verify.valid')}
            </Typography.Paragraph>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('volunteers.verify.serial')}>{c.serial}</Descriptions.Item>
              <Descriptions.Item label={t('volunteers.verify.name')}>{c.nameMasked}</Descriptions.Item>
              <Descriptions.Item label={t('volunteers.totalHours')}>
                {t('volunteers.hoursShown', { hours: c.hours })}
              </Descriptions.Item>
              <Descriptions.Item label={t('volunteers.activitiesServed')}>{c.activities}</Descriptions.Item>
              <Descriptions.Item label={t('volunteers.verify.issuedAt')}>
                {formatDay(c.issuedAt)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        )}
      </div>
    </div>
  );
}
