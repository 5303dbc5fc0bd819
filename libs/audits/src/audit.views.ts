import { AttachmentEntity } from '@eiso/attachments';
import {
  AUDIT_STATE_LABELS,
  AuditState,
  CHECKLIST_ANSWER_LABELS,
  ChecklistAnswer,
  ChecklistItemKind,
} from './audit-state';
import { auditNumber } from './audit-team';
import { AuditChecklistItemEntity } from './audit-checklist-item.entity';
import { AuditEntity } from './audit.entity';

export interface NamedRef {
  id: string;
  name: string;
}

export interface AuditClauseRef {
  number: string;
  titleVi: string | null;
}

export interface AuditProcedureRef {
  documentId: string;
  code: string | null;
  title: string | null;
}

export interface AuditView {
  id: string;
  agencyId: string;
  programmeId: string;
  year: number;
  serial: number;
  /** "02/2027". */
  number: string;
  title: string;
  objectives: string;
  criteria: string;
  clauseEdition: string;
  state: AuditState;
  stateLabel: string;
  orgUnits: NamedRef[];
  clauses: AuditClauseRef[];
  procedures: AuditProcedureRef[];
  startDate: string;
  endDate: string;
  leadAuditor: NamedRef;
  team: NamedRef[];
  planIssuedAt: string | null;
  planIssuedBy: string | null;
  startedAt: string | null;
  conclusion: string | null;
  reportedAt: string | null;
  closedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Names the view shows, read in one query per kind for a whole page. */
export interface AuditNames {
  units: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
  clauses: ReadonlyMap<string, string>;
  documents: ReadonlyMap<string, { code: string; title: string }>;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAuditView(a: AuditEntity, names: AuditNames): AuditView {
  const person = (id: string): NamedRef => ({ id, name: names.users.get(id) ?? '' });
  return {
    id: a.id,
    agencyId: a.agencyId,
    programmeId: a.programmeId,
    year: a.year,
    serial: a.serial,
    number: auditNumber(a),
    title: a.title,
    objectives: a.objectives,
    criteria: a.criteria,
    clauseEdition: a.clauseEdition,
    state: a.state,
    stateLabel: AUDIT_STATE_LABELS[a.state],
    orgUnits: a.orgUnitIds.map((id) => ({ id, name: names.units.get(id) ?? '' })),
    clauses: a.clauses.map((number) => ({ number, titleVi: names.clauses.get(number) ?? null })),
    procedures: a.procedureDocumentIds.map((documentId) => ({
      documentId,
      code: names.documents.get(documentId)?.code ?? null,
      title: names.documents.get(documentId)?.title ?? null,
    })),
    startDate: a.startDate,
    endDate: a.endDate,
    leadAuditor: person(a.leadAuditorId),
    team: a.teamIds.map(person),
    planIssuedAt: iso(a.planIssuedAt),
    planIssuedBy: a.planIssuedBy,
    startedAt: iso(a.startedAt),
    conclusion: a.conclusion,
    reportedAt: iso(a.reportedAt),
    closedAt: iso(a.closedAt),
    createdBy: a.createdBy,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}

export interface ChecklistFileView {
  id: string;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
  createdAt: string;
}

export interface ChecklistItemView {
  id: string;
  auditId: string;
  position: number;
  kind: ChecklistItemKind;
  clause: string | null;
  documentId: string | null;
  documentVersionId: string | null;
  question: string;
  answer: ChecklistAnswer | null;
  answerLabel: string | null;
  notes: string | null;
  sample: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  updatedAt: string;
  version: number;
}

export function toChecklistItemView(i: AuditChecklistItemEntity): ChecklistItemView {
  return {
    id: i.id,
    auditId: i.auditId,
    position: i.position,
    kind: i.kind,
    clause: i.clause,
    documentId: i.documentId,
    documentVersionId: i.documentVersionId,
    question: i.question,
    answer: i.answer,
    answerLabel: i.answer ? CHECKLIST_ANSWER_LABELS[i.answer] : null,
    notes: i.notes,
    sample: i.sample,
    answeredBy: i.answeredBy,
    answeredAt: iso(i.answeredAt),
    updatedAt: i.updatedAt.toISOString(),
    version: i.version,
  };
}

export function toChecklistFileView(f: AttachmentEntity): ChecklistFileView {
  return {
    id: f.id,
    name: f.name,
    size: Number(f.size),
    sha256: f.sha256,
    mediaType: f.mediaType,
    createdAt: f.createdAt.toISOString(),
  };
}
