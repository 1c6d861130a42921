import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CommunityPicker } from '../../places/index.ts';

/** The community a page works on, `?communityId=`, with the page's community picker (which picks the user's own at once). */
export function useCommunity() {
  const [params, setParams] = useSearchParams();
  const communityId = params.get('communityId') ?? undefined;
  const onChange = useCallback(
    (id: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('communityId', id);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const picker = <CommunityPicker value={communityId} onChange={onChange} />;
  return { communityId, picker };
}
