/** A management review: planned (inputs compiled, recompiled at will) → held (frozen) → signed. */
export enum ManagementReviewState {
  Planned = 'planned',
  Held = 'held',
  Signed = 'signed',
}

export const MANAGEMENT_REVIEW_STATE_LABELS: Record<ManagementReviewState, string> = {
  [ManagementReviewState.Planned]: 'Đã lập kế hoạch',
  [ManagementReviewState.Held]: 'Đã họp',
  [ManagementReviewState.Signed]: 'Đã ký',
};

/** The outputs of the review (ISO 9001 9.3.3 a, b, c). */
export enum ReviewActionKind {
  Improvement = 'improvement',
  QmsChange = 'qms_change',
  Resources = 'resources',
}

export const REVIEW_ACTION_KIND_LABELS: Record<ReviewActionKind, string> = {
  [ReviewActionKind.Improvement]: 'Cơ hội cải tiến',
  [ReviewActionKind.QmsChange]: 'Thay đổi hệ thống quản lý chất lượng',
  [ReviewActionKind.Resources]: 'Nhu cầu về nguồn lực',
};

export enum ReviewActionState {
  Open = 'open',
  Done = 'done',
}

export const REVIEW_ACTION_STATE_LABELS: Record<ReviewActionState, string> = {
  [ReviewActionState.Open]: 'Đang thực hiện',
  [ReviewActionState.Done]: 'Đã hoàn thành',
};

/** The longest period a review may cover. */
export const MAX_PERIOD_MONTHS = 24;
