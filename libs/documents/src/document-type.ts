/** Kinds of documented information (DESIGN §4). `external` documents go to the external register. */
export enum DocumentType {
  Policy = 'policy',
  Objectives = 'objectives',
  Manual = 'manual',
  Procedure = 'procedure',
  TthcProcedure = 'tthc_procedure',
  Form = 'form',
  Guideline = 'guideline',
  External = 'external',
}

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  [DocumentType.Policy]: 'Chính sách chất lượng',
  [DocumentType.Objectives]: 'Mục tiêu chất lượng',
  [DocumentType.Manual]: 'Sổ tay chất lượng',
  [DocumentType.Procedure]: 'Quy trình',
  [DocumentType.TthcProcedure]: 'Quy trình giải quyết thủ tục hành chính',
  [DocumentType.Form]: 'Biểu mẫu',
  [DocumentType.Guideline]: 'Hướng dẫn',
  [DocumentType.External]: 'Tài liệu bên ngoài',
};

export enum VersionState {
  Draft = 'draft',
  InReview = 'in_review',
  AwaitingApproval = 'awaiting_approval',
  Approved = 'approved',
  /** Issued with a future effective date: signed and readable, not yet in force. */
  Scheduled = 'scheduled',
  Effective = 'effective',
  Superseded = 'superseded',
  Obsolete = 'obsolete',
}

export const VERSION_STATE_LABELS: Record<VersionState, string> = {
  [VersionState.Draft]: 'Dự thảo',
  [VersionState.InReview]: 'Đang xem xét',
  [VersionState.AwaitingApproval]: 'Chờ phê duyệt',
  [VersionState.Approved]: 'Đã phê duyệt',
  [VersionState.Scheduled]: 'Đã ban hành, chờ hiệu lực',
  [VersionState.Effective]: 'Đang hiệu lực',
  [VersionState.Superseded]: 'Đã được thay thế',
  [VersionState.Obsolete]: 'Đã hủy bỏ',
};

/** States a version has once issued: the only ones readers outside the drafting circle ever see. */
export const ISSUED_STATES: readonly VersionState[] = [
  VersionState.Scheduled,
  VersionState.Effective,
  VersionState.Superseded,
  VersionState.Obsolete,
];

export enum FileKind {
  Primary = 'primary',
  Attachment = 'attachment',
}
