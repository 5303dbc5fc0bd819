import { Tag } from 'antd';
import type { ManagementReviewState } from './review-types';
import { REVIEW_STATE_LABELS } from './review-types';

/** Dark text on light backgrounds: readable (WCAG AA) in every state. */
const STYLES: Record<ManagementReviewState, { color: string; background: string; borderColor: string }> = {
  planned: { color: '#0b3d91', background: '#e6f0ff', borderColor: '#91b4f0' },
  held: { color: '#7a4100', background: '#fff4e0', borderColor: '#f0c27a' },
  signed: { color: '#135200', background: '#ecf8e4', borderColor: '#95cf7a' },
};

export function ReviewStateTag({ state }: { state: ManagementReviewState }) {
  return <Tag style={STYLES[state]}>{REVIEW_STATE_LABELS[state]}</Tag>;
}
