import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMe } from '../../auth/api.ts';
import { DictionaryCard } from '../components/DictionaryCard.tsx';
import { LinesCard } from '../components/LinesCard.tsx';
import { RulesCard } from '../components/RulesCard.tsx';

/** Monitoring policy as data: the lines, the screening rules, the monitored categories and the risk types. */
export function PolicyPage() {
  const { t } = useTranslation();
  const mayEdit = !!useMe().data?.permissions.includes('monitoring:policy');
  return (
    <>
      <PageHeader title={t('monitoring.policy.title')} />
      <LinesCard mayEdit={mayEdit} />
      <RulesCard mayEdit={mayEdit} />
      <DictionaryCard kind="monitoring_category" mayEdit={mayEdit} />
      <DictionaryCard kind="risk_type" mayEdit={mayEdit} />
    </>
  );
}
