import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth/use-auth';

/** The active org units of the user's agency (up to 100), for pickers and names. */
export function useOrgUnits() {
  const { me } = useAuth();
  const agencyId = me?.agencyId ?? null;
  return useQuery({
    queryKey: ['records', 'org-units', agencyId],
    enabled: agencyId !== null,
    queryFn: () =>
      call(
        api.GET('/api/v1/agencies/{agencyId}/org-units', {
          params: { path: { agencyId: agencyId ?? '' }, query: { page: 1, pageSize: 100, active: true } },
        }),
      ),
    select: (page) => page.items,
    staleTime: 60_000,
  });
}
