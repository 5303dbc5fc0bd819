import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth/use-auth';

/** The org units of the user's agency (for owner and distribution fields and for names). */
export function useOrgUnits() {
  const { me } = useAuth();
  const agencyId = me?.agencyId ?? null;
  return useQuery({
    queryKey: ['documents', 'org-units', agencyId],
    queryFn: () =>
      call(
        api.GET('/api/v1/agencies/{agencyId}/org-units', {
          params: { path: { agencyId: agencyId ?? '' }, query: { page: 1, pageSize: 100 } },
        }),
      ),
    enabled: agencyId !== null,
    staleTime: 300_000,
  });
}
