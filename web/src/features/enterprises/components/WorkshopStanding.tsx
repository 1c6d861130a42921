import type { Enterprise } from '@anju/contracts';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A workshop's standing: how many relocated or formerly poor people it employs now against the
 * recognition criterion, and the subsidy eligibility that follows.
 */
export function WorkshopStanding({ workshop }: { workshop: NonNullable<Enterprise['workshop']> }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('enterprises.countHelp')}>
      <Tag color={workshop.recognised ? 'green' : 'orange'} data-testid="workshop-standing">
        {workshop.recognised
          ? t('enterprises.recognised', { count: workshop.employed })
          : t('enterprises.notYet', { count: workshop.employed, minimum: workshop.minimumEmployed })}
      </Tag>
    </Tooltip>
  );
}
