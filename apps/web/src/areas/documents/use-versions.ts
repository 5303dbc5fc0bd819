import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** The versions of a document the user may see, newest first. */
export function useVersions(id: string) {
  return useQuery({
    queryKey: ['documents', 'versions', id],
    queryFn: () => call(api.GET('/api/v1/documents/{id}/versions', { params: { path: { id } } })),
  });
}
