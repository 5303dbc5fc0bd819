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
  /** The clauses of TCVN ISO 9001 by edition (reference data). */
  IsoClauseRead = 'iso_clause.read',
  /** Reads the agency's audit programmes, audits, checklists, findings and reports. */
  AuditRead = 'audit.read',
  /** Keeps the audit programme and plans audits (scope, dates, team), issues the plan. */
  AuditPlan = 'audit.plan',
  /** Runs an audit as its lead or team member: checklist, findings, report (checked per audit). */
  AuditConduct = 'audit.conduct',
  /** Reads nonconformities and corrective actions of the agency, and their registers. */
  NonconformityRead = 'nonconformity.read',
  /** Raises a nonconformity (complaint, late dossier, management review, self-detected). */
  NonconformityRaise = 'nonconformity.raise',
  /** Plans a corrective action: correction, root cause, actions and their owners, the verifier. */
  CorrectiveActionManage = 'corrective_action.manage',
  /** Reports an action one owns as done, with evidence (ownership checked per action). */
  CorrectiveActionWork = 'corrective_action.work',
  /** Checks a corrective action's effectiveness (never on one's own actions). */
  CorrectiveActionVerify = 'corrective_action.verify',
  // --- objectives ---
  /** Reads the quality objectives of the agency, their measurements and status. */
  ObjectiveRead = 'objective.read',
  /** Sets the year's quality objectives (KPI, target, owner unit) and edits or withdraws them. */
  ObjectiveManage = 'objective.manage',
  /** Enters or imports measurements (checked per objective: its owner unit, or objective.manage). */
  ObjectiveMeasure = 'objective.measure',
  // --- risks ---
  /** Reads the agency's register of risks and opportunities and its re-assessments. */
  RiskRead = 'risk.read',
  /** Records, re-assesses and closes the risks and opportunities its holder's own unit owns. */
  RiskManage = 'risk.manage',
  /** With risk.manage: those of every unit of the agency (the head, the ISO secretary). */
  RiskManageAgency = 'risk.manage_agency',
  // --- management reviews ---
  /** Reads management reviews: compiled inputs, decisions and actions, minutes. */
  ManagementReviewRead = 'management_review.read',
  /** Prepares a management review, compiles its inputs, holds it, records decisions and actions. */
  ManagementReviewManage = 'management_review.manage',
  /** Signs the minutes of a review (checked per review: only its chair). */
  ManagementReviewSign = 'management_review.sign',
  // --- conformity ---
  /** Reads the agency's readiness for the conformity declaration (công bố HTQLCL phù hợp). */
  ConformityRead = 'conformity.read',
  /**
   * Opens declarations (list, detail, PDF): members who hold conformity.read see their agency's,
   * drafts included; the overseer every agency's once signed (checked per declaration).
   */
  ConformityDeclarationRead = 'conformity.declaration_read',
  /** Drafts the agency's declaration (scope, legal bases) and submits it once signed. */
  ConformityDeclare = 'conformity.declare',
  /** Signs the agency's declaration with the signing password (the head). */
  ConformitySign = 'conformity.sign',
  /** Reads every agency's signed declarations and acknowledges their receipt (Sở KH&CN). */
  ConformityOversee = 'conformity.oversee',
  /** Sees the scheduled jobs and their runs (system administration). */
  JobRead = 'job.read',
  /** Starts a job by hand and opens the queue dashboard (system administration). */
  JobRun = 'job.run',
}
