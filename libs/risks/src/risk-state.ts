/** Rủi ro or cơ hội. */
export const RISK_KINDS = ['risk', 'opportunity'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

/** Where it comes from (ISO 9001 clauses 4.1 and 4.2). */
export const RISK_CONTEXTS = ['internal_issue', 'external_issue', 'interested_party'] as const;
export type RiskContext = (typeof RISK_CONTEXTS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_STATES = ['open', 'closed'] as const;
export type RiskState = (typeof RISK_STATES)[number];

export const RISK_KIND_LABELS: Record<RiskKind, string> = {
  risk: 'Rủi ro',
  opportunity: 'Cơ hội',
};

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

export const RISK_STATE_LABELS: Record<RiskState, string> = {
  open: 'Đang theo dõi',
  closed: 'Đã đóng',
};
