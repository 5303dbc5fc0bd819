import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';

export const reviewKey = (id: string) => ['management-reviews', 'review', id] as const;

/** One review (GET /management-reviews/{id}); `refresh` reloads it and the lists. */
export function useReview(id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: reviewKey(id),
    queryFn: () => call(api.GET('/api/v1/management-reviews/{id}', { params: { path: { id } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['management-reviews'] });
  return { query, refresh };
}
