import { Card, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useDefinition, useServices } from '../api.ts';
import { AttributesEditor } from '../components/AttributesEditor.tsx';

/** The questions each Open311 service asks (GeoReport v2 attributes), and the definition clients read. */
export function ServicesPage() {
  const { t, i18n } = useTranslation();
  const services = useServices();
  const [code, setCode] = useState<string>();
  const service = services.data?.find((s) => s.code === code);
  const definition = useDefinition(service?.code);
  if (services.error) return <ErrorView error={services.error} />;
  if (!services.data) return <Spin />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <PageHeader title={t('open311.title')} />
      <Typography.Paragraph type="secondary">{t('open311.explain')}</Typography.Paragraph>
      <Select
        showSearch
        optionFilterProp="label"
        style={{ width: '100%', maxWidth: 360 }}
        placeholder={t('open311.pick')}
        data-testid="service-picker"
        value={code}
        onChange={setCode}
        options={services.data.map((s) => ({
          value: s.code,
          label: `${i18n.language.startsWith('en') ? s.nameEn : s.nameZh} (${s.code})`,
        }))}
      />
      {service && (
        <>
          <Typography.Text strong data-testid="service-region">
            {t('open311.region', { region: service.region ?? t('open311.national') })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('open311.saveScope')}</Typography.Text>
          <AttributesEditor
            key={`${service.code}:${service.version}`}
            service={service}
            onReload={() => void services.refetch()}
          />
          <Card size="small" title={t('open311.definition', { code: service.code })}>
            <pre
              data-testid="definition"
              style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
            >
              {definition.data ? JSON.stringify(definition.data, null, 2) : ''}
            </pre>
          </Card>
        </>
      )}
    </Space>
  );
}
