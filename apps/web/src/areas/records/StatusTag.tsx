import { Tag } from 'antd';
import type { ReactNode } from 'react';

export type StatusTone = 'green' | 'orange' | 'gold' | 'blue' | 'red' | 'purple' | 'grey';

/** Dark text on a light fill: antd's preset tag colours fall below WCAG AA contrast (about 3:1). */
const TONES: Record<StatusTone, { color: string; background: string; borderColor: string }> = {
  green: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  orange: { color: '#7a3300', background: '#fff7e6', borderColor: '#ffc069' },
  gold: { color: '#5c3a00', background: '#fffbe6', borderColor: '#ffd666' },
  blue: { color: '#002c8c', background: '#e6f4ff', borderColor: '#91caff' },
  red: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
  purple: { color: '#22075e', background: '#f9f0ff', borderColor: '#d3adf7' },
  grey: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
};

/** A state shown as a tag whose text says the state (the colour only repeats it). */
export function StatusTag({ tone, children }: { tone: StatusTone; children: ReactNode }) {
  return <Tag style={TONES[tone]}>{children}</Tag>;
}
