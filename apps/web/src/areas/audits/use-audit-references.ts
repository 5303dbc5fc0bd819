import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth/use-auth';

/** The ISO 9001 clauses of the current edition, for pickers: "7.5 — Thông tin dạng văn bản". */
export function useIsoClauses() {
  return useQuery({
    queryKey: ['audits', 'iso-clauses'],
    queryFn: () => call(api.GET('/api/v1/iso-clauses')),
    staleTime: 3_600_000,
    select: (clauses) =>
      clauses.map((c) => ({ value: c.number, label: `${c.number} — ${c.titleVi}`, level: c.level })),
  });
}

/** The active auditors of the user's agency (users with the auditor role). */
export function useAuditors(enabled: boolean) {
  const { me } = useAuth();
  const agencyId = me?.agencyId ?? '';
  return useQuery({
    queryKey: ['audits', 'auditors', agencyId],
    enabled: enabled && Boolean(agencyId),
    staleTime: 60_000,
    queryFn: () =>
      call(
        api.GET('/api/v1/users', {
          params: { query: { agencyId, role: 'auditor', active: true, pageSize: 100 } },
        }),
      ),
    select: (page) =>
      page.items.map((u) => ({
        value: u.id,
        label: u.position ? `${u.fullName} (${u.position})` : u.fullName,
      })),
  });
}

/** The TTHC procedures of the agency in force, for the audit scope. */
export function useProcedures(enabled: boolean) {
  return useQuery({
    queryKey: ['audits', 'procedures'],
    enabled,
    staleTime: 60_000,
    queryFn: () =>
      call(
        api.GET('/api/v1/documents', {
          params: { query: { type: 'tthc_procedure', state: 'effective', pageSize: 100, sort: 'code:asc' } },
        }),
      ),
    select: (page) => page.items.map((d) => ({ value: d.id, label: `${d.code} — ${d.title}` })),
  });
}

/** The audit programmes (newest year first), for pickers and filters. */
export function useProgrammes() {
  return useQuery({
    queryKey: ['audits', 'programmes', 'options'],
    queryFn: () => call(api.GET('/api/v1/audit-programmes', { params: { query: { pageSize: 100 } } })),
    select: (page) => page.items.map((p) => ({ value: p.id, label: `${p.year} — ${p.title}`, year: p.year })),
  });
}
