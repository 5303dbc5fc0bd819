import { AuditEntity } from './audit.entity';

/** Whether the user leads the audit or sits on its team. */
export function isAuditTeamMember(
  audit: Pick<AuditEntity, 'leadAuditorId' | 'teamIds'>,
  userId: string,
): boolean {
  return !!userId && (audit.leadAuditorId === userId || audit.teamIds.includes(userId));
}

/** Whether the user is the lead auditor (trưởng đoàn). */
export function isLeadAuditor(audit: Pick<AuditEntity, 'leadAuditorId'>, userId: string): boolean {
  return !!userId && audit.leadAuditorId === userId;
}

/** The lead auditor first, then the team, each once. */
export function auditTeamIds(audit: Pick<AuditEntity, 'leadAuditorId' | 'teamIds'>): string[] {
  return [...new Set([audit.leadAuditorId, ...audit.teamIds])];
}

/** Số of the audit in the agency's year: "02/2027". */
export function auditNumber(audit: Pick<AuditEntity, 'serial' | 'year'>): string {
  return `${String(audit.serial).padStart(2, '0')}/${audit.year}`;
}
