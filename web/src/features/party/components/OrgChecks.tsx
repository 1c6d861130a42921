import type { PartyOrg } from '@anju/contracts';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** How many members an organization has, and what the party's rules ask of one of its size. */
export function OrgChecks({ org }: { org: PartyOrg }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (
    <div data-testid="org-checks">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('party.memberCount', { count: org.memberCount, full: org.fullMemberCount })}
      </Typography.Paragraph>
      {org.checks.map((c) => (
        <Alert
          key={c.code}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid={`org-check-${c.code}`}
          title={t(`party.check.${c.code}`, {
            limit: c.limit,
            count: org.memberCount,
            full: org.fullMemberCount,
          })}
          description={t('grids.norm.source', { source: english ? c.sourceEn : c.sourceZh })}
        />
      ))}
    </div>
  );
}
