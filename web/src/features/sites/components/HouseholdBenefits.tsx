import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHouseholdBenefits } from '../api.ts';

/** What a household receives from the industry projects it is linked to, each payment listed. */
export function HouseholdBenefits({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const query = useHouseholdBenefits(householdId);
  const items = query.data ?? [];
  return (
    <List
      loading={query.isLoading}
      dataSource={items}
      locale={{ emptyText: t('sites.household.none') }}
      data-testid="household-benefits"
      renderItem={(b) => {
        const total = b.payments.reduce((n, p) => n + p.amount, 0);
        return (
          <Card size="small" key={b.projectId} style={{ marginBottom: 8 }} data-testid="household-benefit">
            <Typography.Text strong>{b.projectName}</Typography.Text>{' '}
            <Tag>{t(`sites.benefit.${b.benefit}`)}</Tag>
            <Tag color={b.status === 'running' ? 'green' : 'red'}>{t(`sites.status.${b.status}`)}</Tag>
            <div>
              <Typography.Text type="secondary">
                {b.assetAmount !== null && `${t('sites.project.asset')} ¥${b.assetAmount} · `}
                {t('sites.household.total', { total })}
              </Typography.Text>
            </div>
            <List
              size="small"
              dataSource={b.payments}
              renderItem={(p) => (
                <List.Item key={p.id} data-testid="household-payment">
                  {p.paidOn} · {t(`sites.benefit.${p.kind}`)} · ¥{p.amount} {p.note && `· ${p.note}`}
                </List.Item>
              )}
            />
          </Card>
        );
      }}
    />
  );
}
