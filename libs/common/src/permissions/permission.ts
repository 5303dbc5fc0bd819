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
  /** Records (hồ sơ) and the Danh mục hồ sơ of one's own agency. */
  RecordRead = 'record.read',
  /** Files records and uploads their files. */
  RecordWrite = 'record.write',
  /** Keeps the Danh mục hồ sơ: record types and their retention. */
  RecordTypeManage = 'record_type.manage',
  /** Places and lifts a legal hold. */
  RecordHold = 'record.hold',
  /** Proposes a disposal batch of records past retention. */
  DisposalPropose = 'disposal.propose',
  /** Signs or rejects a disposal batch. */
  DisposalApprove = 'disposal.approve',
  /** Reads disposal batches. */
  DisposalRead = 'disposal.read',
  /** Downloads the biên bản hủy hồ sơ of a batch. */
  DisposalMinutesRead = 'disposal.minutes_read',
  /** Sees the scheduled jobs and their runs (system administration). */
  JobRead = 'job.read',
  /** Starts a job by hand and opens the queue dashboard (system administration). */
  JobRun = 'job.run',
}
