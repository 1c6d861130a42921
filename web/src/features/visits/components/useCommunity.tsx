import { useSearchParams } from 'react-router-dom';
import { useSignedIn } from '../../auth/api.ts';
import { PlaceSelect } from '../../places/index.ts';

/** The community a page works on: `?communityId=`, else the user's own community, with a picker. */
export function useCommunity(placeholder: string) {
  const me = useSignedIn();
  const [params, setParams] = useSearchParams();
  const own = me.scopes.find((s) => s.level === 'community');
  const communityId = params.get('communityId') ?? own?.id;
  const picker = (
    <PlaceSelect
      levels={['community']}
      value={communityId}
      initial={own ?? null}
      placeholder={placeholder}
      testId="visits-community"
      onChange={(id) => {
        const next = new URLSearchParams(params);
        if (id) next.set('communityId', id);
        else next.delete('communityId');
        setParams(next, { replace: true });
      }}
    />
  );
  return { communityId, picker };
}
