import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** The clauses of the ISO 9001 edition in force, in the standard's order. */
export function useIsoClauses(enabled = true) {
  return useQuery({
    queryKey: ['documents', 'iso-clauses'],
    queryFn: () => call(api.GET('/api/v1/iso-clauses')),
    enabled,
    staleTime: 3_600_000,
  });
}
