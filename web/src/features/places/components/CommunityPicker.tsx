import { Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/api.ts';
import { usePlace } from '../api.ts';
import { PlaceSelect } from './PlaceSelect.tsx';

interface Props {
  value?: string;
  onChange(id: string): void;
}

/**
 * Picks a community in the user's scope: their own communities (or the community of the grid they
 * work in) directly, any other by search; with exactly one, it is picked at once.
 */
export function CommunityPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const own = me.scopes.filter((s) => s.level === 'community');
  const inner = me.scopes.find((s) => s.level === 'grid' || s.level === 'building');
  const innerPlace = usePlace(own.length ? undefined : inner?.id);
  const current = usePlace(value);
  const above = innerPlace.data?.path.find((p) => p.level === 'community');
  const choices = above ? [{ id: above.id, name: above.name }] : own;
  const only = choices.length === 1 && me.scopes.every((s) => s.level !== 'township' && s.level !== 'county');

  const single = only ? choices[0]?.id : undefined;
  useEffect(() => {
    if (!value && single) onChange(single);
  }, [value, single, onChange]);

  if (choices.length > 0 && only)
    return (
      <Select
        data-testid="community-picker"
        style={{ minWidth: 200 }}
        value={value}
        onChange={onChange}
        options={choices.map((c) => ({ value: c.id, label: c.name }))}
      />
    );
  return (
    <div style={{ minWidth: 240 }}>
      <PlaceSelect
        levels={['community']}
        value={value}
        onChange={(id) => id && onChange(id)}
        initial={current.data ? { id: current.data.id, name: current.data.name } : null}
        placeholder={t('grids.pickCommunity')}
        testId="community-picker"
      />
    </div>
  );
}
