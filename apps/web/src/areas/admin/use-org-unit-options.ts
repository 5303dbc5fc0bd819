import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** The active units of an agency, for a select (an agency has few: the first 100). */
export function useOrgUnitOptions(agencyId: string | null | undefined) {
  const units = useQuery({
    queryKey: ['admin', 'org-unit-options', agencyId],
    queryFn: () =>
      call(
        api.GET('/api/v1/agencies/{agencyId}/org-units', {
          params: { path: { agencyId: agencyId! }, query: { page: 1, pageSize: 100, active: true } },
        }),
      ),
    enabled: !!agencyId,
  });
  return {
    options: (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
    loading: units.isFetching,
  };
}
