import { AttachmentEntity } from '@eiso/attachments';
import { SignatureEntity, SignatureFacts, toSignatureFacts } from '@eiso/signatures';
import { AUDIT_REPORT_MESSAGES } from './audit-report.messages';
import { AUDIT_STATE_LABELS, AuditState, FINDING_TYPE_LABELS, FindingType } from './audit-state';
import { auditNumber } from './audit-team';
import { AuditFindingEntity } from './audit-finding.entity';
import { AuditEntity } from './audit.entity';

/** The nonconformity raised from a finding when the report was signed. */
export interface FindingNonconformityRef {
  id: string;
  /** "03/2026". */
  number: string;
}

export interface AuditFindingView {
  id: string;
  auditId: string;
  serial: number;
  /** "PH-03". */
  number: string;
  type: FindingType;
  typeLabel: string;
  clause: string;
  /** The clause's Vietnamese title in the audit's edition. */
  clauseTitle: string | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
  checklistItemId: string | null;
  statement: string;
  evidence: string | null;
  /** Raised when the report is signed, for major and minor nonconformities; null before. */
  nonconformity: FindingNonconformityRef | null;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Names a page of findings shows, read in one query per kind. */
export interface FindingNames {
  clauses: ReadonlyMap<string, string>;
  units: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
  nonconformities: ReadonlyMap<string, FindingNonconformityRef>;
}

export function toAuditFindingView(f: AuditFindingEntity, names: FindingNames): AuditFindingView {
  return {
    id: f.id,
    auditId: f.auditId,
    serial: f.serial,
    number: AUDIT_REPORT_MESSAGES.findingNumber(f.serial),
    type: f.type,
    typeLabel: FINDING_TYPE_LABELS[f.type],
    clause: f.clause,
    clauseTitle: names.clauses.get(f.clause) ?? null,
    orgUnitId: f.orgUnitId,
    orgUnitName: f.orgUnitId ? (names.units.get(f.orgUnitId) ?? null) : null,
    checklistItemId: f.checklistItemId,
    statement: f.statement,
    evidence: f.evidence,
    nonconformity: names.nonconformities.get(f.id) ?? null,
    createdBy: f.createdBy,
    createdByName: names.users.get(f.createdBy) ?? null,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    version: f.version,
  };
}

export interface AuditFindingFileView {
  id: string;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
  createdAt: string;
}

export function toAuditFindingFileView(f: AttachmentEntity): AuditFindingFileView {
  return {
    id: f.id,
    name: f.name,
    size: Number(f.size),
    sha256: f.sha256,
    mediaType: f.mediaType,
    createdAt: f.createdAt.toISOString(),
  };
}

/** A nonconformity of the audit's report, with the finding it came from. */
export interface ReportNonconformityRef extends FindingNonconformityRef {
  findingId: string;
  /** The finding's number, "PH-01". */
  findingNumber: string;
}

/** The report of an audit: its state, conclusion, the lead auditor's signature and the nonconformities raised. */
export interface AuditReportView {
  auditId: string;
  /** "02/2026". */
  number: string;
  state: AuditState;
  stateLabel: string;
  conclusion: string | null;
  reportedAt: string | null;
  closedAt: string | null;
  /** The audit's row version (its ETag). */
  version: number;
  /** The lead auditor's signature, as made; `contentVerified` when read with its check. */
  signature: (SignatureFacts & { contentVerified?: boolean }) | null;
  nonconformities: ReportNonconformityRef[];
}

export function toAuditReportView(
  audit: AuditEntity,
  signature: SignatureEntity | null,
  nonconformities: ReportNonconformityRef[],
  contentVerified?: boolean,
): AuditReportView {
  return {
    auditId: audit.id,
    number: auditNumber(audit),
    state: audit.state,
    stateLabel: AUDIT_STATE_LABELS[audit.state],
    conclusion: audit.conclusion,
    reportedAt: audit.reportedAt ? audit.reportedAt.toISOString() : null,
    closedAt: audit.closedAt ? audit.closedAt.toISOString() : null,
    version: audit.version,
    signature: signature
      ? { ...toSignatureFacts(signature), ...(contentVerified === undefined ? {} : { contentVerified }) }
      : null,
    nonconformities,
  };
}
