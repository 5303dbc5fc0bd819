/** Queues (DESIGN §10). A queue groups jobs that share workers and limits. */
export enum QueueName {
  AuditTrail = 'audit-trail',
  Notifications = 'notifications',
  Documents = 'documents',
  Pdf = 'pdf',
  Records = 'records',
  Storage = 'storage',
  Capa = 'capa',
  // --- objectives ---
  Planning = 'planning',
  // --- risks ---
  // --- content ---
  Content = 'content',
}

/** Job names are stable strings: they live in Redis across deployments. */
export enum JobName {
  AuditVerifyChain = 'audit.verify-chain',
  NotificationsSend = 'notifications.send',
  DocumentsReviewDue = 'documents.review-due',
  DocumentsActivateScheduled = 'documents.activate-scheduled',
  PdfControlledCopy = 'pdf.controlled-copy',
  RecordsRetention = 'records.retention',
  RecordsDispose = 'records.dispose',
  StorageSweepOrphans = 'storage.sweep-orphans',
  CapaDue = 'capa.due',
  // --- objectives ---
  ObjectivesDue = 'objectives.due',
  // --- risks ---
  RisksReviewDue = 'risks.review-due',
  // --- content ---
  ContentRender = 'content.render',
  ContentExtract = 'content.extract',
  ContentCatchUp = 'content.catch-up',
}

/** Typed payload of every job. */
export interface JobPayloads {
  [JobName.AuditVerifyChain]: { requestedBy?: string };
  /** Emails the in-app notifications with these ids (those not emailed yet). */
  [JobName.NotificationsSend]: { notificationIds: string[] };
  /** Daily: documents due for periodic review notify their owners (idempotent per day). */
  [JobName.DocumentsReviewDue]: Record<string, never>;
  /** Daily: versions issued for a later date come into force on it (idempotent). */
  [JobName.DocumentsActivateScheduled]: Record<string, never>;
  /** Renders and stores the controlled copy of a version for its current state. */
  [JobName.PdfControlledCopy]: { versionId: string };
  /** Daily: active records past retention (and not on hold) become due for disposal. */
  [JobName.RecordsRetention]: Record<string, never>;
  /** After approval: deletes the batch's files and leaves tombstones (idempotent per record). */
  [JobName.RecordsDispose]: { disposalId: string };
  /** Daily: stored objects that no row names, older than ORPHAN_MIN_AGE_HOURS, are deleted. */
  [JobName.StorageSweepOrphans]: Record<string, never>;
  /** Daily: corrective-action reminders (due soon, overdue, verification due), once per item per day. */
  [JobName.CapaDue]: Record<string, never>;
  // --- objectives ---
  /** Daily: reminds owner units of objective periods ended more than 5 days ago without a measurement. */
  [JobName.ObjectivesDue]: Record<string, never>;
  // --- risks ---
  /** Daily: reminds owners of open risks and opportunities whose review date has come, once per risk and review date. */
  [JobName.RisksReviewDue]: Record<string, never>;
  // --- content ---
  /** Converts a stored Word, ODF or spreadsheet file to its PDF rendition (LibreOffice). */
  [JobName.ContentRender]: { key: string; generation: number };
  /** Reads a stored file's text (from its rendition when it has one) into the search index. */
  [JobName.ContentExtract]: { key: string; generation: number };
  /** Every half hour: queues again the renditions and extractions still owed (lost jobs, older files). */
  [JobName.ContentCatchUp]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.AuditVerifyChain]: QueueName.AuditTrail,
  [JobName.NotificationsSend]: QueueName.Notifications,
  [JobName.DocumentsReviewDue]: QueueName.Documents,
  [JobName.DocumentsActivateScheduled]: QueueName.Documents,
  [JobName.PdfControlledCopy]: QueueName.Pdf,
  [JobName.RecordsRetention]: QueueName.Records,
  [JobName.RecordsDispose]: QueueName.Records,
  [JobName.StorageSweepOrphans]: QueueName.Storage,
  [JobName.CapaDue]: QueueName.Capa,
  // --- objectives ---
  [JobName.ObjectivesDue]: QueueName.Planning,
  // --- risks ---
  [JobName.RisksReviewDue]: QueueName.Planning,
  // --- content ---
  [JobName.ContentRender]: QueueName.Content,
  [JobName.ContentExtract]: QueueName.Content,
  [JobName.ContentCatchUp]: QueueName.Content,
};

export interface JobSchedule {
  /** Stable scheduler key: re-registering replaces, never duplicates. */
  key: string;
  job: JobName;
  /** Cron pattern, evaluated in Asia/Ho_Chi_Minh. */
  cron: string;
}

/** Repeatable jobs. */
export const JOB_SCHEDULES: readonly JobSchedule[] = [
  { key: 'nightly-audit-verify-chain', job: JobName.AuditVerifyChain, cron: '15 1 * * *' },
  { key: 'daily-documents-review-due', job: JobName.DocumentsReviewDue, cron: '0 6 * * *' },
  // Just after midnight in Vietnam, so that the version dated today is in force for the working day.
  { key: 'daily-documents-activate-scheduled', job: JobName.DocumentsActivateScheduled, cron: '1 0 * * *' },
  { key: 'daily-records-retention', job: JobName.RecordsRetention, cron: '30 0 * * *' },
  // At night, when no upload is likely to be in flight (the age threshold covers those anyway).
  { key: 'daily-storage-sweep-orphans', job: JobName.StorageSweepOrphans, cron: '45 2 * * *' },
  // After the review reminders, before the working day: owners see what falls due this week.
  { key: 'daily-capa-due', job: JobName.CapaDue, cron: '15 6 * * *' },
  // --- objectives ---
  // After capa.due: owner units see which measurements of their objectives are missing.
  { key: 'daily-objectives-due', job: JobName.ObjectivesDue, cron: '30 6 * * *' },
  // --- risks ---
  // After the objectives reminders: owners of risks see which are due for review.
  { key: 'daily-risks-review-due', job: JobName.RisksReviewDue, cron: '45 6 * * *' },
  // --- content ---
  // Often: a file whose job was lost is searchable within the half hour.
  { key: 'half-hourly-content-catch-up', job: JobName.ContentCatchUp, cron: '*/30 * * * *' },
];

export const SCHEDULE_TIME_ZONE = 'Asia/Ho_Chi_Minh';
