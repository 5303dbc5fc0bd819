import { DomainException, ErrorCode } from '@eiso/common';
import { assessRisk, levelOfScore, riskScore } from './risk-level';
import { RISK_LEVEL_LABELS } from './risk-state';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainException ? e.code : 'other';
  }
}

describe('risk level', () => {
  it('scores likelihood × impact', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(5, 5)).toBe(25);
    expect(riskScore(2, 5)).toBe(10);
  });

  it('bands the score at 4/5 and 9/10, from 1 to 25', () => {
    expect(levelOfScore(1)).toBe('low');
    expect(levelOfScore(4)).toBe('low');
    expect(levelOfScore(5)).toBe('medium');
    expect(levelOfScore(9)).toBe('medium');
    expect(levelOfScore(10)).toBe('high');
    expect(levelOfScore(25)).toBe('high');
  });

  it('assesses every cell of the 5×5 grid into its band', () => {
    for (let l = 1; l <= 5; l++) {
      for (let i = 1; i <= 5; i++) {
        const { score, level } = assessRisk(l, i);
        expect(score).toBe(l * i);
        expect(level).toBe(score <= 4 ? 'low' : score <= 9 ? 'medium' : 'high');
      }
    }
    expect(assessRisk(2, 2)).toEqual({ score: 4, level: 'low' });
    expect(assessRisk(3, 3)).toEqual({ score: 9, level: 'medium' });
    expect(assessRisk(3, 4)).toEqual({ score: 12, level: 'high' });
  });

  it('refuses 0, 6 and 2.5 for likelihood or impact, and scores outside 1–25', () => {
    for (const bad of [0, 6, 2.5, -1, Number.NaN]) {
      expect(codeOf(() => riskScore(bad, 3))).toBe(ErrorCode.RiskScoreInvalid);
      expect(codeOf(() => riskScore(3, bad))).toBe(ErrorCode.RiskScoreInvalid);
    }
    expect(codeOf(() => levelOfScore(0))).toBe(ErrorCode.RiskScoreInvalid);
    expect(codeOf(() => levelOfScore(26))).toBe(ErrorCode.RiskScoreInvalid);
    expect(codeOf(() => levelOfScore(7.5))).toBe(ErrorCode.RiskScoreInvalid);
  });

  it('names the levels in Vietnamese', () => {
    expect(RISK_LEVEL_LABELS).toEqual({ low: 'Thấp', medium: 'Trung bình', high: 'Cao' });
  });
});
