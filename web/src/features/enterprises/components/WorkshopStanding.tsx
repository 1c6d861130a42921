import type { Enterprise } from '@anju/contracts';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** A workshop's standing against the recognition criterion, or that it is not counted yet. */
export function WorkshopStanding({ workshop }: { workshop: NonNullable<Enterprise['workshop']> }) {
  const { t } = useTranslation();
  if (workshop.employed === null)
    return (
      <Tooltip title={t('enterprises.countPendingHelp')}>
        <Tag data-testid="workshop-standing">{t('enterprises.countPending')}</Tag>
      </Tooltip>
    );
  return (
    <Tag color={workshop.recognised ? 'green' : 'orange'} data-testid="workshop-standing">
      {workshop.recognised
        ? t('enterprises.recognised', { count: workshop.employed })
        : t('enterprises.notYet', { count: workshop.employed, minimum: workshop.minimumEmployed })}
    </Tag>
  );
}
