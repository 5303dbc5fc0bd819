import { ClauseLabel } from '@eiso/iso-clauses';
import { AuditChecklistItemEntity } from './audit-checklist-item.entity';
import { AUDIT_MESSAGES } from './audits.messages';

/** A TTHC procedure in scope with the version in force when the audit starts. */
export interface ChecklistProcedure {
  documentId: string;
  versionId: string;
  code: string;
  title: string;
}

export type ChecklistDraft = Pick<
  AuditChecklistItemEntity,
  'position' | 'kind' | 'clause' | 'documentId' | 'documentVersionId' | 'question' | 'sample'
>;

/**
 * The checklist of an audit, from its scope: one question per clause in scope in the standard's
 * order (`clauses` sorted by the caller), then for each procedure in scope "is it followed?" by
 * code, with the version in force and an empty sample (the dossier numbers the auditor checks).
 */
export function generateChecklist(
  clauses: readonly ClauseLabel[],
  procedures: readonly ChecklistProcedure[],
): ChecklistDraft[] {
  const items: ChecklistDraft[] = clauses.map((c) => ({
    position: 0,
    kind: 'clause',
    clause: c.number,
    documentId: null,
    documentVersionId: null,
    question: AUDIT_MESSAGES.checklist.clauseQuestion(c.number, c.titleVi),
    sample: null,
  }));
  const sorted = [...procedures].sort(
    (a, b) => a.code.localeCompare(b.code, 'vi') || a.documentId.localeCompare(b.documentId),
  );
  for (const p of sorted) {
    items.push({
      position: 0,
      kind: 'procedure',
      clause: null,
      documentId: p.documentId,
      documentVersionId: p.versionId,
      question: AUDIT_MESSAGES.checklist.procedureQuestion(p.code, p.title),
      sample: null,
    });
  }
  return items.map((item, i) => ({ ...item, position: i + 1 }));
}
