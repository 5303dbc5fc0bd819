import { Tag } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

export type Tone = 'neutral' | 'info' | 'progress' | 'success' | 'warning' | 'danger';

/**
 * Tag colours dark enough on their light backgrounds for WCAG AA at the tag's small size (antd's
 * preset green, gold, orange and volcano tags are not). The words carry the meaning; colour helps.
 */
const TONES: Record<Tone, CSSProperties | undefined> = {
  neutral: undefined,
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  progress: { color: '#391085', background: '#f9f0ff', borderColor: '#d3adf7' },
  success: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  warning: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  danger: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
};

export function ToneTag({
  tone,
  icon,
  children,
  testId,
}: {
  tone: Tone;
  icon?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Tag style={TONES[tone]} icon={icon} data-testid={testId}>
      {children}
    </Tag>
  );
}
