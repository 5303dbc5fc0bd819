import { SignatureMeaning, SignatureSubject, SignatureSubjectType, SignedContent } from '@eiso/signatures';
import type { ConformityDeclarationEntity } from './declaration.entity';

export const DECLARATION_MEANING = SignatureMeaning.Declare;

export function declarationSubject(declarationId: string): SignatureSubject {
  return { type: SignatureSubjectType.ConformityDeclaration, id: declarationId };
}

/**
 * What the head signs (libs/signatures adds the meaning, the signer and the time): the decision's
 * number and date, the agency, the kind and what it replaces, the legal bases in order, the TTHC
 * codes (sorted) and each procedure of the scope with the version in force.
 */
export function declarationContent(d: ConformityDeclarationEntity): SignedContent {
  return {
    declarationId: d.id,
    agencyId: d.agencyId,
    kind: d.kind,
    number: { serial: d.serial, year: d.year },
    decisionDate: d.decisionDate,
    supersedesId: d.supersedesId,
    legalBases: [...d.legalBases],
    tthcCodes: [...new Set(d.tthcCodes)].sort(),
    procedures: [...d.procedures]
      .sort((a, b) => a.code.localeCompare(b.code) || a.documentId.localeCompare(b.documentId))
      .map((p) => ({ documentId: p.documentId, versionId: p.versionId, code: p.code, title: p.title })),
  };
}
