import {
  SignatureEntity,
  SignatureMeaning,
  SignatureSubject,
  SignatureSubjectType,
  SignedContent,
} from '@eiso/signatures';
import { AuditFindingEntity } from './audit-finding.entity';
import { auditNumber } from './audit-team';
import { AuditEntity } from './audit.entity';

/** The audit as the subject of its report's signature. */
export function auditReportSubject(auditId: string): SignatureSubject {
  return { type: SignatureSubjectType.AuditReport, id: auditId };
}

export type ReportedAudit = Pick<
  AuditEntity,
  | 'id'
  | 'agencyId'
  | 'year'
  | 'serial'
  | 'title'
  | 'objectives'
  | 'criteria'
  | 'clauseEdition'
  | 'orgUnitIds'
  | 'clauses'
  | 'procedureDocumentIds'
  | 'startDate'
  | 'endDate'
  | 'leadAuditorId'
  | 'teamIds'
  | 'conclusion'
>;

export type ReportedFinding = Pick<
  AuditFindingEntity,
  'id' | 'serial' | 'type' | 'clause' | 'orgUnitId' | 'checklistItemId' | 'statement' | 'evidence'
>;

const sorted = (values: readonly string[]): string[] => [...new Set(values)].sort();

/**
 * What the lead auditor signs (libs/signatures adds the meaning, the signer and the time): the
 * audit's number, agency, scope, criteria, dates and team, every finding with its grade, clause,
 * unit, statement, evidence and the sha256 of its evidence files, and the conclusion. Everything
 * is stored by id and frozen once reported (findings and files change only while in progress), so
 * `verify` rebuilds it from the rows. The order of findings, files and scope lists does not matter.
 */
export function auditReportContent(
  audit: ReportedAudit,
  findings: readonly ReportedFinding[],
  files: readonly { subjectId: string; sha256: string }[],
): SignedContent {
  return {
    auditId: audit.id,
    agencyId: audit.agencyId,
    number: auditNumber(audit),
    title: audit.title,
    objectives: audit.objectives,
    criteria: audit.criteria,
    clauseEdition: audit.clauseEdition,
    scope: {
      orgUnitIds: sorted(audit.orgUnitIds),
      clauses: sorted(audit.clauses),
      procedureDocumentIds: sorted(audit.procedureDocumentIds),
    },
    startDate: audit.startDate,
    endDate: audit.endDate,
    leadAuditorId: audit.leadAuditorId,
    teamIds: sorted(audit.teamIds.filter((id) => id !== audit.leadAuditorId)),
    findings: [...findings]
      .sort((a, b) => a.serial - b.serial)
      .map((f) => ({
        id: f.id,
        serial: f.serial,
        type: f.type,
        clause: f.clause,
        orgUnitId: f.orgUnitId,
        checklistItemId: f.checklistItemId,
        statement: f.statement,
        evidence: f.evidence,
        files: files
          .filter((file) => file.subjectId === f.id)
          .map((file) => file.sha256)
          .sort(),
      })),
    conclusion: audit.conclusion ?? '',
  };
}

/** The lead auditor's signature among an audit's signatures; null while the report is not signed. */
export function reportSignatureOf(
  signatures: readonly SignatureEntity[],
  auditId: string,
): SignatureEntity | null {
  return (
    signatures.find(
      (s) =>
        s.subjectType === SignatureSubjectType.AuditReport &&
        s.subjectId === auditId &&
        s.meaning === SignatureMeaning.Report,
    ) ?? null
  );
}
