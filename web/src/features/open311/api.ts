import type { Open311Attribute, Open311AttributesSet, Open311Service } from '@anju/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

export type { Open311Attribute, Open311Service };

/** The Open311 services (incident categories) with the attributes each asks. */
export function useServices() {
  return useQuery({
    queryKey: ['open311', 'services'],
    queryFn: () => api<Open311Service[]>('/open311/services'),
  });
}

/** The GeoReport v2 definition of a service, as clients read it from `services/<code>.json`. */
export function useDefinition(code: string | undefined) {
  return useQuery({
    queryKey: ['open311', 'definition', code],
    enabled: !!code,
    queryFn: async () => {
      const res = await fetch(`/open311/v2/services/${encodeURIComponent(code!)}.json`);
      return (await res.json()) as unknown;
    },
  });
}

/** Replaces a service's attributes at the version they were read at. */
export function useSetAttributes(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Open311AttributesSet) =>
      api<Open311Service>(`/open311/services/${encodeURIComponent(code)}/attributes`, {
        method: 'PUT',
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['open311'] }),
  });
}
