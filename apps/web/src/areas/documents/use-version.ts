import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { contentPending } from './file-content';

/** How often a version whose files are still being converted or read is asked again. */
const CONTENT_POLL_MS = 5_000;

/**
 * One version with its files, signatures and comments; none asked when `vid` is null. Asked again
 * while a file's PDF rendition or text is on its way, so its tags change by themselves.
 */
export function useVersion(id: string, vid: string | null) {
  return useQuery({
    queryKey: ['documents', 'version', id, vid],
    queryFn: () =>
      call(api.GET('/api/v1/documents/{id}/versions/{vid}', { params: { path: { id, vid: vid ?? '' } } })),
    enabled: vid !== null,
    refetchInterval: (query) =>
      query.state.data && contentPending(query.state.data.files) ? CONTENT_POLL_MS : false,
  });
}
