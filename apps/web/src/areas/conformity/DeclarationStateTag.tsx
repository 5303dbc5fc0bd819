import { Tag } from 'antd';
import { DECLARATION_STATE_LABELS, type DeclarationState } from './declaration-types';

const COLORS: Record<DeclarationState, string> = {
  draft: 'default',
  signed: 'processing',
  submitted: 'warning',
  acknowledged: 'success',
};

/** The state of a declaration; dark text on the light colours keeps the contrast (WCAG AA). */
export function DeclarationStateTag({ state }: { state: DeclarationState }) {
  return (
    <Tag color={COLORS[state]} style={{ color: 'rgba(0, 0, 0, 0.88)' }}>
      {DECLARATION_STATE_LABELS[state]}
    </Tag>
  );
}
