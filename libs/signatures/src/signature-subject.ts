/**
 * What a signature is on: a subject type and the subject's id. A new domain adds its subject type
 * here as one line; `signature` rows are keyed by (subject_type, subject_id).
 */
export const SignatureSubjectType = {
  DocumentVersion: 'document_version',
  Disposal: 'disposal',
  /** The report of an internal audit, signed by its lead auditor. */
  AuditReport: 'audit_report',
  /** The minutes of a management review (Báo cáo xem xét của lãnh đạo), signed by its chair. */
  ManagementReviewMinutes: 'management_review_minutes',
  /** The decision declaring the QMS conformant (Quyết định công bố), signed by the agency head. */
  ConformityDeclaration: 'conformity_declaration',
} as const;

export type SignatureSubjectType = (typeof SignatureSubjectType)[keyof typeof SignatureSubjectType];

export interface SignatureSubject {
  type: SignatureSubjectType;
  id: string;
}
