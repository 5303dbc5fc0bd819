import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { RISK_LEVEL_LABELS } from './risk-labels';
import type { RiskLevel } from './risk-types';

/** Colours dark enough on their light backgrounds for WCAG AA; the word carries the meaning. */
export const LEVEL_STYLES: Record<RiskLevel, CSSProperties> = {
  low: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  medium: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  high: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
};

/** A risk's level as a tag: "Cao 12" (score shown when given). */
export function LevelTag({ level, score, testId }: { level: RiskLevel; score?: number; testId?: string }) {
  return (
    <Tag style={LEVEL_STYLES[level]} data-testid={testId}>
      {RISK_LEVEL_LABELS[level]}
      {score !== undefined ? ` (${score})` : ''}
    </Tag>
  );
}
