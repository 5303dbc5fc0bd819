export * from './audits.module';
export * from './audit-state';
// --- programmes and audits (H5) ---
export * from './audit-finder';
export * from './audit-team';
export * from './audit-state-machine';
export * from './audit-programme.views';
export * from './audit-programmes.service';
export * from './audit-programme-register.service';
export * from './audit.views';
export * from './audits.service';
export * from './audit-checklist.service';
export * from './audits.messages';
export type { AuditRiskLevel } from './audit-programme-entry.entity';
export { CHECKLIST_ITEM_ATTACHMENTS } from './audit-checklist-item-attachment-subject';
// --- findings and report (H6) ---
export * from './audit-finding.views';
export * from './audit-findings.service';
export * from './audit-report.service';
export { AUDIT_REPORT_MESSAGES } from './audit-report.messages';
// --- management reviews: read-only directory ---
export * from './audit-directory';
