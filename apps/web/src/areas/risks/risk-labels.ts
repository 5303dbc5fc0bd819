import type { RiskContext, RiskKind, RiskLevel, RiskState } from './risk-types';

export const RISK_KIND_LABELS: Record<RiskKind, string> = { risk: 'Rủi ro', opportunity: 'Cơ hội' };

export const RISK_CONTEXT_LABELS: Record<RiskContext, string> = {
  internal_issue: 'Vấn đề nội bộ',
  external_issue: 'Vấn đề bên ngoài',
  interested_party: 'Bên quan tâm',
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  low: 'Thấp',
  medium: 'Trung bình',
  high: 'Cao',
};

export const RISK_STATE_LABELS: Record<RiskState, string> = { open: 'Đang theo dõi', closed: 'Đã đóng' };

/** The level of a score, as the server bands it: 1–4 thấp, 5–9 trung bình, 10–25 cao. */
export function levelOf(score: number): RiskLevel {
  return score <= 4 ? 'low' : score <= 9 ? 'medium' : 'high';
}

/** The scale of likelihood and impact, with what each step means. */
export const LIKELIHOOD_OPTIONS = [
  { value: 1, label: '1 — Hiếm khi' },
  { value: 2, label: '2 — Ít khi' },
  { value: 3, label: '3 — Có thể' },
  { value: 4, label: '4 — Thường xảy ra' },
  { value: 5, label: '5 — Gần như chắc chắn' },
];

export const IMPACT_OPTIONS = [
  { value: 1, label: '1 — Không đáng kể' },
  { value: 2, label: '2 — Nhỏ' },
  { value: 3, label: '3 — Trung bình' },
  { value: 4, label: '4 — Lớn' },
  { value: 5, label: '5 — Nghiêm trọng' },
];
