import { AttachmentEntity } from '@eiso/attachments';
import {
  CORRECTIVE_ACTION_STATE_LABELS,
  CorrectiveActionState,
  NONCONFORMITY_SEVERITY_LABELS,
  NONCONFORMITY_SOURCE_LABELS,
  NonconformitySeverity,
  NonconformitySource,
  NonconformityState,
} from './capa-state';
import { CloseBlocker, DocumentRevision } from './corrective-action-duties';
import { CorrectiveActionTaskEntity } from './corrective-action-task.entity';
import { CorrectiveActionVerificationEntity } from './corrective-action-verification.entity';
import { CorrectiveActionEntity } from './corrective-action.entity';
import { NonconformityEntity } from './nonconformity.entity';
import { nonconformityNumber } from './nonconformity-numbering';

/** An evidence file of an action. */
export interface CorrectiveActionFileView {
  id: string;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
  createdAt: string;
}

/** Where the corrective action stands, on the answers of the action routes. */
export interface CorrectiveActionStatusView {
  id: string;
  state: CorrectiveActionState;
  stateLabel: string;
  round: number;
  verificationDue: string | null;
  version: number;
}

/** One action (owner, due date, done date, evidence), of the current round or a past one. */
export interface CorrectiveActionTaskView {
  id: string;
  correctiveActionId: string;
  round: number;
  /** Of the corrective action's current round (past rounds were checked and found not effective). */
  currentRound: boolean;
  position: number;
  description: string;
  ownerId: string;
  ownerName: string | null;
  dueDate: string;
  doneOn: string | null;
  doneNote: string | null;
  /** Not done and past its due date. */
  overdue: boolean;
  /** The document the action revises, and whether a newer issue is in force than at raising. */
  document: {
    id: string;
    code: string;
    title: string;
    issueAtRaise: number | null;
    issueInForce: number | null;
    revised: boolean;
  } | null;
  files: CorrectiveActionFileView[];
  /** On the action routes' answers: the corrective action after the change. */
  correctiveAction?: CorrectiveActionStatusView;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CorrectiveActionVerificationView {
  id: string;
  round: number;
  verifierId: string;
  verifierName: string | null;
  effective: boolean;
  reason: string;
  verifiedAt: string;
}

/** The nonconformity as a corrective action's page shows it. */
export interface CorrectiveActionNonconformityView {
  id: string;
  number: string;
  title: string;
  description: string;
  source: NonconformitySource;
  sourceLabel: string;
  severity: NonconformitySeverity;
  severityLabel: string;
  clause: string | null;
  orgUnitId: string | null;
  detectedOn: string;
  state: NonconformityState;
}

/** A card of the board: state, round, counts of the current round's actions and the next dates. */
export interface CorrectiveActionListItemView {
  id: string;
  agencyId: string;
  nonconformity: { id: string; number: string; title: string; severity: string; orgUnitId: string | null };
  state: CorrectiveActionState;
  stateLabel: string;
  round: number;
  actions: { total: number; done: number; overdue: number };
  /** The earliest due date of the current round's actions not done. */
  nextDueDate: string | null;
  verifierId: string | null;
  verificationDue: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Phiếu yêu cầu hành động khắc phục, in full. */
export interface CorrectiveActionView {
  id: string;
  agencyId: string;
  nonconformity: CorrectiveActionNonconformityView;
  state: CorrectiveActionState;
  stateLabel: string;
  round: number;
  correction: string | null;
  rootCause: string | null;
  whys: string[];
  verifierId: string | null;
  verifier: { id: string; fullName: string; position: string | null } | null;
  verificationDelayDays: number;
  verificationDue: string | null;
  actions: CorrectiveActionTaskView[];
  verifications: CorrectiveActionVerificationView[];
  /** Why it cannot close now; empty once closed. */
  closeBlockers: CloseBlocker[];
  closedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toCorrectiveActionFileView(f: AttachmentEntity): CorrectiveActionFileView {
  return {
    id: f.id,
    name: f.name,
    size: f.size,
    sha256: f.sha256,
    mediaType: f.mediaType,
    createdAt: f.createdAt.toISOString(),
  };
}

export function toCorrectiveActionStatusView(ca: CorrectiveActionEntity): CorrectiveActionStatusView {
  return {
    id: ca.id,
    state: ca.state,
    stateLabel: CORRECTIVE_ACTION_STATE_LABELS[ca.state],
    round: ca.round,
    verificationDue: ca.verificationDue,
    version: ca.version,
  };
}

export function toCorrectiveActionTaskView(
  t: CorrectiveActionTaskEntity,
  context: {
    currentRound: number;
    today: string;
    ownerName: string | null;
    document: DocumentRevision | null;
    files: AttachmentEntity[];
  },
): CorrectiveActionTaskView {
  const d = context.document;
  return {
    id: t.id,
    correctiveActionId: t.correctiveActionId,
    round: t.round,
    currentRound: t.round === context.currentRound,
    position: t.position,
    description: t.description,
    ownerId: t.ownerId,
    ownerName: context.ownerName,
    dueDate: t.dueDate,
    doneOn: t.doneOn,
    doneNote: t.doneNote,
    overdue: t.doneOn === null && t.dueDate < context.today,
    document:
      t.documentId && d
        ? {
            id: t.documentId,
            code: d.code,
            title: d.title,
            issueAtRaise: t.documentIssueAtRaise,
            issueInForce: d.issueInForce,
            revised:
              d.issueInForce !== null &&
              (t.documentIssueAtRaise === null || d.issueInForce > t.documentIssueAtRaise),
          }
        : null,
    files: context.files.filter((f) => f.deletedAt === null).map(toCorrectiveActionFileView),
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}

export function toCorrectiveActionVerificationView(
  v: CorrectiveActionVerificationEntity,
  verifierName: string | null,
): CorrectiveActionVerificationView {
  return {
    id: v.id,
    round: v.round,
    verifierId: v.verifierId,
    verifierName,
    effective: v.effective,
    reason: v.reason,
    verifiedAt: v.verifiedAt.toISOString(),
  };
}

export function toCorrectiveActionNonconformityView(
  n: NonconformityEntity,
): CorrectiveActionNonconformityView {
  return {
    id: n.id,
    number: nonconformityNumber(n.serial, n.year),
    title: n.title,
    description: n.description,
    source: n.source,
    sourceLabel: NONCONFORMITY_SOURCE_LABELS[n.source],
    severity: n.severity,
    severityLabel: NONCONFORMITY_SEVERITY_LABELS[n.severity],
    clause: n.clause,
    orgUnitId: n.orgUnitId,
    detectedOn: n.detectedOn,
    state: n.state,
  };
}

export function toCorrectiveActionListItemView(row: {
  action: CorrectiveActionEntity;
  nonconformity: {
    id: string;
    year: number;
    serial: number;
    title: string;
    severity: string;
    orgUnitId: string | null;
  };
  total: number;
  done: number;
  overdue: number;
  nextDue: string | null;
}): CorrectiveActionListItemView {
  const ca = row.action;
  return {
    id: ca.id,
    agencyId: ca.agencyId,
    nonconformity: {
      id: row.nonconformity.id,
      number: nonconformityNumber(row.nonconformity.serial, row.nonconformity.year),
      title: row.nonconformity.title,
      severity: row.nonconformity.severity,
      orgUnitId: row.nonconformity.orgUnitId,
    },
    state: ca.state,
    stateLabel: CORRECTIVE_ACTION_STATE_LABELS[ca.state],
    round: ca.round,
    actions: { total: row.total, done: row.done, overdue: row.overdue },
    nextDueDate: row.nextDue,
    verifierId: ca.verifierId,
    verificationDue: ca.verificationDue,
    createdAt: ca.createdAt.toISOString(),
    updatedAt: ca.updatedAt.toISOString(),
    version: ca.version,
  };
}
