import type { MatchParts } from '@anju/contracts';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** A match's score with its parts: skills in common, distance, whether the wishes fit. */
export function MatchTags({ match }: { match: MatchParts }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap data-testid="match-parts">
      <Tag color="blue">
        {t('jobs.score')} {match.score}
      </Tag>
      {match.skills.length > 0 && (
        <Tag color="green">
          {t('jobs.matched')}: {match.skills.join('、')}
        </Tag>
      )}
      <Tag>{t(`jobs.distances.${match.distance}`)}</Tag>
      {match.preference > 0 && <Tag color="gold">{t('jobs.preferenceYes')}</Tag>}
    </Space>
  );
}
