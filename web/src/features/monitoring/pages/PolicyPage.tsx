import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMe } from '../../auth/api.ts';
import { DictionaryCard } from '../components/DictionaryCard.tsx';
import { LinesCard } from '../components/LinesCard.tsx';
import { ProcedureCard } from '../components/ProcedureCard.tsx';
import { RulesCard } from '../components/RulesCard.tsx';

/**
 * Monitoring policy as data: the lines with their sources, the screening rules, the region's procedure,
 * the monitored categories, the risk types and the department-data comparison items.
 */
export function PolicyPage() {
  const { t } = useTranslation();
  const permissions = useMe().data?.permissions ?? [];
  const mayEdit = permissions.includes('monitoring:policy');
  return (
    <>
      <PageHeader title={t('monitoring.policy.title')} />
      <LinesCard mayEdit={mayEdit} />
      <RulesCard mayEdit={mayEdit} />
      <ProcedureCard mayEdit={permissions.includes('monitoring:procedure')} />
      <DictionaryCard kind="monitoring_category" mayEdit={mayEdit} />
      <DictionaryCard kind="risk_type" mayEdit={mayEdit} />
      <DictionaryCard kind="comparison_item" mayEdit={mayEdit} />
    </>
  );
}
