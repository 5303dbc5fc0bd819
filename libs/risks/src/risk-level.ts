import { DomainException, ErrorCode } from '@eiso/common';
import { RiskLevel } from './risk-state';

/** The scale of likelihood (khả năng xảy ra) and impact (mức độ ảnh hưởng): integers 1 to 5. */
export const RISK_SCALE_MIN = 1;
export const RISK_SCALE_MAX = 5;

/** Highest score of each band: 1–4 low, 5–9 medium, 10–25 high. */
export const LOW_MAX_SCORE = 4;
export const MEDIUM_MAX_SCORE = 9;

function assertScale(field: 'likelihood' | 'impact', value: number): void {
  if (!Number.isInteger(value) || value < RISK_SCALE_MIN || value > RISK_SCALE_MAX) {
    const label = field === 'likelihood' ? 'Khả năng xảy ra' : 'Mức độ ảnh hưởng';
    throw new DomainException(ErrorCode.RiskScoreInvalid, {
      field,
      value,
      message: `${label} phải là số nguyên từ ${RISK_SCALE_MIN} đến ${RISK_SCALE_MAX}.`,
    });
  }
}

/** likelihood × impact; 422 RISK_SCORE_INVALID when either is not an integer from 1 to 5. */
export function riskScore(likelihood: number, impact: number): number {
  assertScale('likelihood', likelihood);
  assertScale('impact', impact);
  return likelihood * impact;
}

/** The level of a score: 1–4 low (thấp), 5–9 medium (trung bình), 10–25 high (cao). */
export function levelOfScore(score: number): RiskLevel {
  if (!Number.isInteger(score) || score < 1 || score > RISK_SCALE_MAX * RISK_SCALE_MAX) {
    throw new DomainException(ErrorCode.RiskScoreInvalid, { score });
  }
  if (score <= LOW_MAX_SCORE) return 'low';
  if (score <= MEDIUM_MAX_SCORE) return 'medium';
  return 'high';
}

/** Score and level of an assessment. */
export function assessRisk(likelihood: number, impact: number): { score: number; level: RiskLevel } {
  const score = riskScore(likelihood, impact);
  return { score, level: levelOfScore(score) };
}
