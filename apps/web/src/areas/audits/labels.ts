import type { components } from '../../api/schema';

type S = components['schemas'];
export type Audit = S['AuditResponse'];
export type AuditState = S['AuditState'];
export type FindingType = S['FindingType'];
export type ChecklistAnswer = S['ChecklistAnswer'];
export type ChecklistItem = S['ChecklistItemResponse'];
export type Finding = S['AuditFindingResponse'];
export type Programme = S['AuditProgrammeResponse'];
export type RiskLevel = S['AuditProgrammeEntryDto']['riskLevel'];

/** Vietnamese names of the audit states (as the server's stateLabel). */
export const AUDIT_STATE_LABELS: Record<AuditState, string> = {
  planned: 'Đã lập kế hoạch',
  in_progress: 'Đang đánh giá',
  reported: 'Đã báo cáo',
  closed: 'Đã kết thúc',
};

export const AUDIT_STATE_COLORS: Record<AuditState, string> = {
  planned: 'default',
  in_progress: 'blue',
  reported: 'purple',
  closed: 'green',
};

export const FINDING_TYPE_LABELS: Record<FindingType, string> = {
  major_nc: 'Không phù hợp nặng',
  minor_nc: 'Không phù hợp nhẹ',
  observation: 'Điểm cần lưu ý',
  ofi: 'Cơ hội cải tiến',
};

export const FINDING_TYPE_COLORS: Record<FindingType, string> = {
  major_nc: 'red',
  minor_nc: 'volcano',
  observation: 'orange',
  ofi: 'cyan',
};

export const CHECKLIST_ANSWER_LABELS: Record<ChecklistAnswer, string> = {
  conform: 'Phù hợp',
  nonconform: 'Không phù hợp',
  observation: 'Cần lưu ý',
  not_applicable: 'Không áp dụng',
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  low: 'Thấp',
  medium: 'Trung bình',
  high: 'Cao',
};

export const MONTH_OPTIONS = Array.from({ length: 12 }, (_, i) => ({
  value: i + 1,
  label: `Tháng ${i + 1}`,
}));
