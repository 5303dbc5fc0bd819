import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** One version with its files, signatures and comments; none asked when `vid` is null. */
export function useVersion(id: string, vid: string | null) {
  return useQuery({
    queryKey: ['documents', 'version', id, vid],
    queryFn: () =>
      call(api.GET('/api/v1/documents/{id}/versions/{vid}', { params: { path: { id, vid: vid ?? '' } } })),
    enabled: vid !== null,
  });
}
