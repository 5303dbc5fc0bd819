import type { NonconformitySummaryView } from '@eiso/capa';
import type { ObjectiveResult, ObjectiveStatus } from '@eiso/objectives';
import type { RiskSummary } from '@eiso/risks';
import { ReviewActionKind, ReviewActionState } from './management-review-state';

/** One count of a labelled key. */
export interface LabelledCount<K extends string = string> {
  key: K;
  label: string;
  count: number;
}

/** a) An action of the previous review, as it stood when compiled. */
export interface PreviousReviewAction {
  id: string;
  kind: ReviewActionKind;
  description: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  state: ReviewActionState;
  doneOn: string | null;
  overdue: boolean;
}

export interface PreviousActionsInput {
  /** The previous held or signed review of the agency; null when there is none. */
  reviewId: string | null;
  reviewNumber: string | null;
  total: number;
  done: number;
  open: number;
  overdue: number;
  items: PreviousReviewAction[];
}

/** b) A version that came into force in the period. */
export interface IssuedVersionInput {
  documentId: string;
  code: string;
  title: string;
  type: string;
  typeLabel: string;
  issueNumber: number | null;
  versionLabel: string;
  effectiveFrom: string;
}

export interface WithdrawnDocumentInput {
  documentId: string;
  code: string;
  title: string;
  type: string;
  typeLabel: string;
  withdrawnOn: string;
  reason: string | null;
}

export interface DocumentTypeCount {
  type: string;
  label: string;
  issued: number;
  withdrawn: number;
}

export interface DocumentChangesInput {
  issuedCount: number;
  withdrawnCount: number;
  issued: IssuedVersionInput[];
  withdrawn: WithdrawnDocumentInput[];
  byType: DocumentTypeCount[];
}

/** c) Objectives and their results over the period. */
export interface ObjectivesInput {
  total: number;
  byStatus: LabelledCount<ObjectiveStatus>[];
  items: ObjectiveResult[];
}

/** Findings of an audit by type. */
export interface FindingTypeCounts {
  major_nc: number;
  minor_nc: number;
  observation: number;
  ofi: number;
}

/** d) An internal audit reported in the period. */
export interface AuditResultInput {
  auditId: string;
  number: string;
  title: string;
  startDate: string;
  endDate: string;
  reportedOn: string;
  leadAuditorName: string;
  findings: FindingTypeCounts;
}

export interface AuditsInput {
  total: number;
  findings: FindingTypeCounts;
  items: AuditResultInput[];
}

/** f) A complaint (nonconformity of source complaint) raised in the period. */
export interface ComplaintInput {
  id: string;
  number: string;
  detectedOn: string;
  title: string;
  description: string;
  state: string;
  stateLabel: string;
}

export interface ComplaintsInput {
  total: number;
  items: ComplaintInput[];
}

export interface LateDossiersInput {
  count: number;
}

/** h) The quality policy in force at the end of the period. */
export interface QualityPolicyInput {
  documentId: string;
  code: string;
  title: string;
  issueNumber: number | null;
  versionLabel: string;
  effectiveFrom: string;
}

/** Everything the system compiles for the review (ISO 9001 9.3.2), frozen once it is held. */
export interface ReviewInputs {
  from: string;
  to: string;
  /** The day the figures were computed as of (overdue, open). */
  asOf: string;
  previousActions: PreviousActionsInput;
  documentChanges: DocumentChangesInput;
  objectives: ObjectivesInput;
  audits: AuditsInput;
  nonconformities: NonconformitySummaryView;
  complaints: ComplaintsInput;
  lateDossiers: LateDossiersInput;
  risks: RiskSummary;
  qualityPolicy: QualityPolicyInput | null;
}

/** What the compiler reads from the other domains, before counting. */
export interface RawReviewInputs {
  from: string;
  to: string;
  asOf: string;
  previous: {
    reviewId: string;
    reviewNumber: string;
    actions: Omit<PreviousReviewAction, 'overdue'>[];
  } | null;
  issued: IssuedVersionInput[];
  withdrawn: WithdrawnDocumentInput[];
  documentTypeLabels: Readonly<Record<string, string>>;
  objectives: ObjectiveResult[];
  objectiveStatusLabels: Readonly<Record<ObjectiveStatus, string>>;
  audits: AuditResultInput[];
  nonconformities: NonconformitySummaryView;
  complaints: ComplaintInput[];
  lateDossiers: number;
  risks: RiskSummary;
  qualityPolicy: QualityPolicyInput | null;
}

const zeroFindings = (): FindingTypeCounts => ({ major_nc: 0, minor_nc: 0, observation: 0, ofi: 0 });

/** An action is overdue when it is still open after its due date. */
export function isActionOverdue(state: ReviewActionState, dueDate: string, asOf: string): boolean {
  return state === ReviewActionState.Open && dueDate < asOf;
}

/**
 * The compiled inputs: the lists as read, and every count derived from them (pure; the spec pins
 * the counting at its edges).
 */
export function assembleReviewInputs(raw: RawReviewInputs): ReviewInputs {
  const previousItems = (raw.previous?.actions ?? []).map((a) => ({
    ...a,
    overdue: isActionOverdue(a.state, a.dueDate, raw.asOf),
  }));
  const types = [...new Set([...raw.issued.map((v) => v.type), ...raw.withdrawn.map((d) => d.type)])];
  const typeOrder = Object.keys(raw.documentTypeLabels);
  types.sort((a, b) => rank(typeOrder, a) - rank(typeOrder, b) || a.localeCompare(b));
  const auditFindings = zeroFindings();
  for (const a of raw.audits) {
    for (const key of Object.keys(auditFindings) as (keyof FindingTypeCounts)[]) {
      auditFindings[key] += a.findings[key];
    }
  }
  return {
    from: raw.from,
    to: raw.to,
    asOf: raw.asOf,
    previousActions: {
      reviewId: raw.previous?.reviewId ?? null,
      reviewNumber: raw.previous?.reviewNumber ?? null,
      total: previousItems.length,
      done: previousItems.filter((a) => a.state === ReviewActionState.Done).length,
      open: previousItems.filter((a) => a.state === ReviewActionState.Open).length,
      overdue: previousItems.filter((a) => a.overdue).length,
      items: previousItems,
    },
    documentChanges: {
      issuedCount: raw.issued.length,
      withdrawnCount: raw.withdrawn.length,
      issued: raw.issued,
      withdrawn: raw.withdrawn,
      byType: types.map((type) => ({
        type,
        label: raw.documentTypeLabels[type] ?? type,
        issued: raw.issued.filter((v) => v.type === type).length,
        withdrawn: raw.withdrawn.filter((d) => d.type === type).length,
      })),
    },
    objectives: {
      total: raw.objectives.length,
      byStatus: (Object.keys(raw.objectiveStatusLabels) as ObjectiveStatus[]).map((key) => ({
        key,
        label: raw.objectiveStatusLabels[key],
        count: raw.objectives.filter((o) => o.status === key).length,
      })),
      items: raw.objectives,
    },
    audits: { total: raw.audits.length, findings: auditFindings, items: raw.audits },
    nonconformities: raw.nonconformities,
    complaints: { total: raw.complaints.length, items: raw.complaints },
    lateDossiers: { count: raw.lateDossiers },
    risks: raw.risks,
    qualityPolicy: raw.qualityPolicy,
  };
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}
