import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';

export const caKey = (id: string) => ['capa', 'corrective-actions', id] as const;

/** One corrective action (GET /corrective-actions/{id}); `refresh` reloads it and the lists. */
export function useCorrectiveAction(id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: caKey(id),
    queryFn: () => call(api.GET('/api/v1/corrective-actions/{id}', { params: { path: { id } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['capa'] });
  return { query, refresh };
}
