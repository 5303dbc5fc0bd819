import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth/use-auth';
import type { Audit } from './labels';

export const auditKey = (id: string) => ['audits', 'audit', id] as const;

/** One audit. */
export function useAudit(id: string) {
  return useQuery({
    queryKey: auditKey(id),
    queryFn: () => call(api.GET('/api/v1/audits/{id}', { params: { path: { id } } })),
  });
}

/** The signed-in user's place in the audit: lead auditor, team member (the lead included). */
export function useAuditRole(audit: Audit | undefined) {
  const { me } = useAuth();
  const isLead = Boolean(me && audit && audit.leadAuditor.id === me.id);
  const inTeam = isLead || Boolean(me && audit?.team.some((member) => member.id === me.id));
  const isSecretary = Boolean(me?.roles.includes('iso_secretary'));
  return { isLead, inTeam, isSecretary };
}
