import { InfoCircleOutlined } from '@ant-design/icons';
import { KPI_KEYS, type Kpi, type KpiDefinition } from '@anju/contracts';
import { Card, Descriptions, Popover, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatKpi, kpiParts } from '../format.ts';

type Language = 'zh-CN' | 'en-US';

/** What a KPI counts, as the server defines it, in the current language. */
export function KpiDefinitionText({ definition }: { definition?: KpiDefinition }) {
  const { t, i18n } = useTranslation();
  if (!definition) return <Skeleton active paragraph={{ rows: 2 }} />;
  const lang: Language = i18n.language.startsWith('en') ? 'en-US' : 'zh-CN';
  return (
    <Descriptions
      size="small"
      column={1}
      style={{ maxWidth: 320 }}
      items={[
        { key: 'n', label: t('kpi.definition.numerator'), children: definition.numerator[lang] },
        ...(definition.denominator
          ? [{ key: 'd', label: t('kpi.definition.denominator'), children: definition.denominator[lang] }]
          : []),
        { key: 'x', label: t('kpi.definition.excluded'), children: definition.excluded[lang] },
        { key: 's', label: t('kpi.definition.source'), children: definition.source[lang] },
      ]}
    />
  );
}

/** The five KPIs of the chosen place and period, each with what it is taken over and its source beside it, the full definition a tap away. */
export function KpiCards({ totals, definitions }: { totals?: Kpi; definitions?: KpiDefinition[] }) {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language.startsWith('en') ? 'en-US' : 'zh-CN';
  return (
    <div
      data-testid="kpi-cards"
      style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))' }}
    >
      {KPI_KEYS.map((key) => {
        const definition = definitions?.find((d) => d.key === key);
        const parts = totals && kpiParts(key, totals);
        return (
          <Card key={key} size="small" data-testid={`kpi-card-${key}`}>
            <Statistic
              loading={!totals}
              title={
                <Popover
                  trigger={['hover', 'click']}
                  title={t(`kpi.keys.${key}`)}
                  content={<KpiDefinitionText definition={definition} />}
                >
                  <span data-testid={`kpi-help-${key}`} style={{ cursor: 'help' }}>
                    {t(`kpi.keys.${key}`)} <InfoCircleOutlined />
                  </span>
                </Popover>
              }
              value={totals ? formatKpi(key, totals) : ''}
              suffix={
                key === 'averageHandlingHours' && totals && totals.averageHandlingHours !== null
                  ? t('kpi.hours')
                  : undefined
              }
            />
            {parts && (
              <Typography.Text type="secondary" data-testid={`kpi-parts-${key}`}>
                {parts}
              </Typography.Text>
            )}
            {definition && (
              <Typography.Paragraph
                type="secondary"
                data-testid={`kpi-definition-${key}`}
                style={{ fontSize: 12, margin: '4px 0 0' }}
              >
                {(definition.denominator ?? definition.numerator)[lang]}
                <br />
                {t('kpi.definition.source')}: {definition.source[lang]}
              </Typography.Paragraph>
            )}
          </Card>
        );
      })}
    </div>
  );
}
