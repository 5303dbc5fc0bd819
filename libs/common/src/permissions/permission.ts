/** Every action a route can require. Routes declare exactly one, or are public. */
export enum Permission {
  /** Any signed-in user: own profile, inbox. */
  ProfileRead = 'profile.read',
  AgencyRead = 'agency.read',
  AgencyManage = 'agency.manage',
  AgencyImport = 'agency.import',
  OrgUnitRead = 'org_unit.read',
  OrgUnitManage = 'org_unit.manage',
  UserRead = 'user.read',
  UserManage = 'user.manage',
  AuditEventRead = 'audit_event.read',
  AuditChainVerify = 'audit_event.verify',
  DocumentRead = 'document.read',
  DocumentDraft = 'document.draft',
  DocumentReview = 'document.review',
  DocumentApprove = 'document.approve',
  DocumentIssue = 'document.issue',
  DocumentAcknowledge = 'document.acknowledge',
  DocumentAcknowledgementReport = 'document.acknowledgement_report',
  RegisterRead = 'register.read',
}
