import { Permission } from './permission';
import { Role } from './role';

const MEMBER: Permission[] = [
  Permission.ProfileRead,
  Permission.AgencyRead,
  Permission.OrgUnitRead,
  Permission.DocumentRead,
  Permission.DocumentAcknowledge,
  Permission.RegisterRead,
  Permission.RecordRead,
  Permission.IsoClauseRead,
  Permission.NonconformityRead,
  Permission.CorrectiveActionWork,
  // The quality policy and objectives are communicated to everyone (ISO 9001 5.2.2, 6.2.1).
  Permission.ObjectiveRead,
];

/**
 * What the system admin does: run the system (agencies, org units, accounts, the audit trail and
 * its chain, jobs) and read issued documents like the overseer. Listed one by one, so a new
 * permission reaches no admin until someone decides it should (role-permissions.spec.ts).
 * Agency work (drafting, signing, acknowledging, registers, records and their disposal) is not here.
 */
const ADMIN: Permission[] = [
  Permission.ProfileRead,
  Permission.AgencyRead,
  Permission.AgencyManage,
  Permission.AgencyImport,
  Permission.OrgUnitRead,
  Permission.OrgUnitManage,
  Permission.UserRead,
  Permission.UserManage,
  Permission.AuditEventRead,
  Permission.AuditChainVerify,
  Permission.DocumentRead,
  Permission.IsoClauseRead,
  Permission.JobRead,
  Permission.JobRun,
];

/**
 * Role → permission map. The route guard checks it; services then check the record
 * (agency scope, ownership, state), because a permission alone never grants another agency's data.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.Drafter]: [...MEMBER, Permission.DocumentDraft, Permission.RecordWrite],
  // Heads of units (trưởng phòng): auditees who read every audit of their agency (the results of
  // internal audits are shared inside the agency: AuditFinder checks the agency only, not the
  // unit), raise nonconformities and plan the corrective actions of any nonconformity of their
  // agency (CorrectiveActionManage is agency-wide: no check limits it to the head's own unit).
  [Role.Reviewer]: [
    ...MEMBER,
    Permission.DocumentReview,
    Permission.AuditRead,
    Permission.NonconformityRaise,
    Permission.CorrectiveActionManage,
    // Unit heads measure the objectives their unit owns and assess their unit's risks.
    Permission.ObjectiveMeasure,
    Permission.RiskRead,
    Permission.RiskManage,
    Permission.ManagementReviewRead,
  ],
  [Role.Approver]: [
    ...MEMBER,
    Permission.UserRead,
    Permission.AuditEventRead,
    Permission.DocumentApprove,
    Permission.DocumentAcknowledgementReport,
    Permission.DisposalApprove,
    Permission.DisposalRead,
    Permission.DisposalMinutesRead,
    Permission.AuditRead,
    Permission.NonconformityRaise,
    Permission.CorrectiveActionManage,
    Permission.CorrectiveActionVerify,
    Permission.ObjectiveManage,
    Permission.ObjectiveMeasure,
    Permission.RiskRead,
    Permission.RiskManage,
    Permission.RiskManageAgency,
    Permission.ManagementReviewRead,
    Permission.ManagementReviewManage,
    // The head chairs the management review and signs its minutes.
    Permission.ManagementReviewSign,
    Permission.ConformityRead,
    Permission.ConformityDeclarationRead,
    Permission.ConformitySign,
  ],
  [Role.IsoSecretary]: [
    ...MEMBER,
    Permission.OrgUnitManage,
    Permission.UserRead,
    Permission.UserManage,
    Permission.AuditEventRead,
    Permission.DocumentDraft,
    Permission.DocumentIssue,
    Permission.DocumentAcknowledgementReport,
    Permission.RecordWrite,
    Permission.RecordTypeManage,
    Permission.RecordHold,
    Permission.DisposalPropose,
    Permission.DisposalRead,
    Permission.DisposalMinutesRead,
    Permission.AuditRead,
    Permission.AuditPlan,
    Permission.NonconformityRaise,
    Permission.CorrectiveActionManage,
    Permission.CorrectiveActionVerify,
    Permission.ObjectiveManage,
    Permission.ObjectiveMeasure,
    Permission.RiskRead,
    Permission.RiskManage,
    Permission.RiskManageAgency,
    Permission.ManagementReviewRead,
    Permission.ManagementReviewManage,
    Permission.ConformityRead,
    Permission.ConformityDeclarationRead,
    Permission.ConformityDeclare,
  ],
  // Internal auditors read their agency's trail and check the chain; the check tells them nothing
  // of another agency (AuditTrailService.verifyFor).
  [Role.Auditor]: [
    ...MEMBER,
    Permission.AuditEventRead,
    Permission.AuditChainVerify,
    Permission.AuditRead,
    Permission.AuditPlan,
    Permission.AuditConduct,
    Permission.NonconformityRaise,
    Permission.CorrectiveActionVerify,
    Permission.RiskRead,
    Permission.ManagementReviewRead,
  ],
  [Role.Staff]: [...MEMBER, Permission.RecordWrite],
  // Reads every agency's published state; never drafts, signs or acknowledges.
  [Role.Overseer]: [
    Permission.ProfileRead,
    Permission.AgencyRead,
    Permission.OrgUnitRead,
    Permission.DocumentRead,
    Permission.IsoClauseRead,
    Permission.ConformityDeclarationRead,
    Permission.ConformityOversee,
  ],
  // Runs the system, not an agency's quality work: no drafting, signing or acknowledging.
  [Role.Admin]: ADMIN,
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role] ?? []) granted.add(p);
  return granted;
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role]?.includes(permission));
}
