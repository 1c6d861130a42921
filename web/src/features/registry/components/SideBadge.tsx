import type { Person } from '@anju/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR = { residence: 'blue', hukou: 'purple', both: 'green' } as const;

/** From which side of the dual jurisdiction the user sees this record: residence, hukou or both. */
export function SideBadge({ side }: { side: Person['side'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[side]} data-testid="side-badge">
      {t(`codes.side.${side}`)}
    </Tag>
  );
}
