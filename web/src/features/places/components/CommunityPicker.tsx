import { Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageScopeControl, useScope } from '../../../ui/scope.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { usePlace } from '../api.ts';
import { PlaceSelect } from './PlaceSelect.tsx';

interface Props {
  value?: string;
  onChange(id: string): void;
}

/**
 * The page's one scope control where a page works on one community: the community of the scope
 * chosen in the header (or the one the user works in) is picked at once, and a community picked here
 * becomes the scope of the other pages too. Their own communities are offered directly, any other by
 * search.
 */
export function CommunityPicker({ value, onChange }: Props) {
  usePageScopeControl();
  const { t } = useTranslation();
  const me = useSignedIn();
  const { scope, setScope } = useScope();
  const own = me.scopes.filter((s) => s.level === 'community');
  const inner = me.scopes.find((s) => s.level === 'grid' || s.level === 'building');
  // the community at or above the chosen scope, else above the place the user works in
  const start =
    scope?.level === 'community' ? undefined : (scope?.id ?? (own.length ? undefined : inner?.id));
  const startPlace = usePlace(start);
  const above = startPlace.data?.path.find((p) => p.level === 'community');
  const scoped = scope?.level === 'community' ? { id: scope.id, name: scope.name } : above;
  const choices = scoped && !own.some((c) => c.id === scoped.id) ? [scoped, ...own] : own;
  // a community offered is known already (once the place above is known): a grid worker may not
  // read the community of their grid
  const offered = choices.find((c) => c.id === value);
  const current = usePlace(offered || (start && startPlace.isPending) ? undefined : value);
  const only = choices.length === 1 && me.scopes.every((s) => s.level !== 'township' && s.level !== 'county');

  const initial = scoped?.id ?? (only ? choices[0]?.id : undefined);
  useEffect(() => {
    if (!value && initial) onChange(initial);
  }, [value, initial, onChange]);

  // another community worked on becomes the scope of the other pages too
  const picked = offered ?? (current.data?.level === 'community' ? current.data : undefined);
  const moved = picked && (!start || !startPlace.isPending) && picked.id !== scoped?.id ? picked : undefined;
  useEffect(() => {
    if (moved) setScope({ id: moved.id, name: moved.name, level: 'community' });
  }, [moved, setScope]);

  if (only)
    return (
      <Select
        data-testid="community-picker"
        style={{ minWidth: 160, maxWidth: '100%' }}
        value={value}
        onChange={onChange}
        options={choices.map((c) => ({ value: c.id, label: c.name }))}
      />
    );
  return (
    <div style={{ minWidth: 200, maxWidth: '100%' }}>
      <PlaceSelect
        levels={['community']}
        value={value}
        onChange={(id) => id && onChange(id)}
        initial={offered ?? (current.data ? { id: current.data.id, name: current.data.name } : null)}
        placeholder={t('grids.pickCommunity')}
        testId="community-picker"
      />
    </div>
  );
}
