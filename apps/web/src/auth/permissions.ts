import type { components } from '../api/schema';

export type Permission = components['schemas']['Permission'];
export type Role = components['schemas']['Role'];

/** The API's permissions by name (libs/common/src/permissions/permission.ts), for readable checks. */
export const P = {
  ProfileRead: 'profile.read',
  AgencyRead: 'agency.read',
  AgencyManage: 'agency.manage',
  AgencyImport: 'agency.import',
  OrgUnitRead: 'org_unit.read',
  OrgUnitManage: 'org_unit.manage',
  UserRead: 'user.read',
  UserManage: 'user.manage',
  AuditEventRead: 'audit_event.read',
  AuditChainVerify: 'audit_event.verify',
  DocumentRead: 'document.read',
  DocumentDraft: 'document.draft',
  DocumentReview: 'document.review',
  DocumentApprove: 'document.approve',
  DocumentIssue: 'document.issue',
  DocumentAcknowledge: 'document.acknowledge',
  DocumentAcknowledgementReport: 'document.acknowledgement_report',
  RegisterRead: 'register.read',
  RecordRead: 'record.read',
  RecordWrite: 'record.write',
  RecordTypeManage: 'record_type.manage',
  RecordHold: 'record.hold',
  DisposalPropose: 'disposal.propose',
  DisposalApprove: 'disposal.approve',
  DisposalRead: 'disposal.read',
  DisposalMinutesRead: 'disposal.minutes_read',
  IsoClauseRead: 'iso_clause.read',
  AuditRead: 'audit.read',
  AuditPlan: 'audit.plan',
  AuditConduct: 'audit.conduct',
  NonconformityRead: 'nonconformity.read',
  NonconformityRaise: 'nonconformity.raise',
  CorrectiveActionManage: 'corrective_action.manage',
  CorrectiveActionWork: 'corrective_action.work',
  CorrectiveActionVerify: 'corrective_action.verify',
  JobRead: 'job.read',
  JobRun: 'job.run',
} as const satisfies Record<string, Permission>;

/** Vietnamese names of the roles, as users and the admin screens show them. */
export const ROLE_LABELS: Record<Role, string> = {
  drafter: 'Người soạn thảo',
  reviewer: 'Người xem xét',
  approver: 'Thủ trưởng (phê duyệt)',
  iso_secretary: 'Thư ký ISO',
  auditor: 'Chuyên gia đánh giá nội bộ',
  staff: 'Cán bộ, công chức',
  overseer: 'Sở KH&CN (giám sát)',
  admin: 'Quản trị hệ thống',
};
