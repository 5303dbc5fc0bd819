import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** One document (with its distribution list). */
export function useDocument(id: string) {
  return useQuery({
    queryKey: ['documents', 'document', id],
    queryFn: () => call(api.GET('/api/v1/documents/{id}', { params: { path: { id } } })),
  });
}
