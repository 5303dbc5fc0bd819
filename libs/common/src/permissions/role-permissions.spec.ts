import { Permission } from './permission';
import { Role } from './role';
import { hasPermission, ROLE_PERMISSIONS } from './role-permissions';

/**
 * Whether the system admin holds each permission, decided one by one. A permission added to the
 * enum without a line here fails to compile (the Record needs every key) and fails the test below:
 * nobody gets a new permission by default.
 */
const ADMIN_HOLDS: Record<Permission, boolean> = {
  [Permission.ProfileRead]: true,
  [Permission.AgencyRead]: true,
  [Permission.AgencyManage]: true,
  [Permission.AgencyImport]: true,
  [Permission.OrgUnitRead]: true,
  [Permission.OrgUnitManage]: true,
  [Permission.UserRead]: true,
  [Permission.UserManage]: true,
  [Permission.AuditEventRead]: true,
  [Permission.AuditChainVerify]: true,
  // Reads issued documents like the overseer.
  [Permission.DocumentRead]: true,
  // Agency work: drafting, signing, acknowledging and the registers belong to an agency's members.
  [Permission.DocumentDraft]: false,
  [Permission.DocumentReview]: false,
  [Permission.DocumentApprove]: false,
  [Permission.DocumentIssue]: false,
  [Permission.DocumentAcknowledge]: false,
  [Permission.DocumentAcknowledgementReport]: false,
  [Permission.RegisterRead]: false,
  // Records are agency-internal (DESIGN §13).
  [Permission.RecordRead]: false,
  [Permission.RecordWrite]: false,
  [Permission.RecordTypeManage]: false,
  [Permission.RecordHold]: false,
  [Permission.DisposalPropose]: false,
  [Permission.DisposalApprove]: false,
  [Permission.DisposalRead]: false,
  [Permission.DisposalMinutesRead]: false,
  // Reference data, like the agencies tree.
  [Permission.IsoClauseRead]: true,
  // Internal audits and corrective actions are an agency's own quality work (DESIGN §6).
  [Permission.AuditRead]: false,
  [Permission.AuditPlan]: false,
  [Permission.AuditConduct]: false,
  [Permission.NonconformityRead]: false,
  [Permission.NonconformityRaise]: false,
  [Permission.CorrectiveActionManage]: false,
  [Permission.CorrectiveActionWork]: false,
  [Permission.CorrectiveActionVerify]: false,
  [Permission.ObjectiveRead]: false,
  [Permission.ObjectiveManage]: false,
  [Permission.ObjectiveMeasure]: false,
  [Permission.RiskRead]: false,
  [Permission.RiskManage]: false,
  [Permission.RiskManageAgency]: false,
  [Permission.ManagementReviewRead]: false,
  [Permission.ManagementReviewManage]: false,
  [Permission.ManagementReviewSign]: false,
  [Permission.ConformityRead]: false,
  [Permission.ConformityDeclarationRead]: false,
  [Permission.ConformityDeclare]: false,
  [Permission.ConformitySign]: false,
  // Overseeing declarations is Sở KH&CN's work, not the system admin's.
  [Permission.ConformityOversee]: false,
  [Permission.JobRead]: true,
  [Permission.JobRun]: true,
};

describe('role permissions', () => {
  it('decides the admin for every permission, and nothing else', () => {
    expect(Object.keys(ADMIN_HOLDS).sort()).toEqual(Object.values(Permission).sort());
  });

  it.each(Object.values(Permission))('admin holds %s only if decided so', (permission) => {
    expect(hasPermission([Role.Admin], permission)).toBe(ADMIN_HOLDS[permission]);
  });

  it('lists every admin permission once', () => {
    const admin = ROLE_PERMISSIONS[Role.Admin];
    expect(new Set(admin).size).toBe(admin.length);
  });

  it.each(Object.values(Permission))('gives %s to at least one role', (permission) => {
    const holders = Object.values(Role).filter((role) => ROLE_PERMISSIONS[role].includes(permission));
    expect(holders).not.toEqual([]);
  });

  it('keeps the conformity declaration apart: the secretary drafts, the head signs, the overseer reads', () => {
    const holders = (permission: Permission) =>
      Object.values(Role).filter((role) => ROLE_PERMISSIONS[role].includes(permission));
    expect(holders(Permission.ConformityDeclare)).toEqual([Role.IsoSecretary]);
    expect(holders(Permission.ConformitySign)).toEqual([Role.Approver]);
    expect(holders(Permission.ConformityOversee)).toEqual([Role.Overseer]);
  });

  it('grants only known permissions', () => {
    const known = new Set<string>(Object.values(Permission));
    for (const role of Object.values(Role)) {
      expect(ROLE_PERMISSIONS[role].filter((p) => !known.has(p))).toEqual([]);
    }
  });
});
