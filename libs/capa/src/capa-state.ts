/** Where a nonconformity came from (DESIGN §6). */
export enum NonconformitySource {
  AuditFinding = 'audit_finding',
  Complaint = 'complaint',
  LateDossier = 'late_dossier',
  ManagementReview = 'management_review',
  Self = 'self',
}

export const NONCONFORMITY_SOURCE_LABELS: Record<NonconformitySource, string> = {
  [NonconformitySource.AuditFinding]: 'Đánh giá nội bộ',
  [NonconformitySource.Complaint]: 'Phản ánh, kiến nghị',
  [NonconformitySource.LateDossier]: 'Hồ sơ TTHC trễ hạn',
  [NonconformitySource.ManagementReview]: 'Xem xét của lãnh đạo',
  [NonconformitySource.Self]: 'Tự phát hiện',
};

export enum NonconformitySeverity {
  Major = 'major',
  Minor = 'minor',
}

export const NONCONFORMITY_SEVERITY_LABELS: Record<NonconformitySeverity, string> = {
  [NonconformitySeverity.Major]: 'Nặng',
  [NonconformitySeverity.Minor]: 'Nhẹ',
};

/** A nonconformity is open until its corrective action closes. */
export enum NonconformityState {
  Open = 'open',
  Closed = 'closed',
}

/** Corrective action states: open → planned → in_progress → verifying → closed (or back). */
export enum CorrectiveActionState {
  Open = 'open',
  Planned = 'planned',
  InProgress = 'in_progress',
  Verifying = 'verifying',
  Closed = 'closed',
}

export const CORRECTIVE_ACTION_STATE_LABELS: Record<CorrectiveActionState, string> = {
  [CorrectiveActionState.Open]: 'Mới mở',
  [CorrectiveActionState.Planned]: 'Đã lập kế hoạch',
  [CorrectiveActionState.InProgress]: 'Đang thực hiện',
  [CorrectiveActionState.Verifying]: 'Đang kiểm tra hiệu lực',
  [CorrectiveActionState.Closed]: 'Đã kết thúc',
};

/** Days after the last action's done date by which the effectiveness check falls due (default). */
export const DEFAULT_VERIFICATION_DELAY_DAYS = 90;
