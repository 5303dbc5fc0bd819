import { Tag } from 'antd';
import { AUDIT_STATE_COLORS, AUDIT_STATE_LABELS, type Audit } from './labels';

/**
 * An audit's state, in words (the colour only repeats them). A planned audit whose plan was
 * issued says so: the state is still `planned` until the lead starts it.
 */
export function AuditStateTag({ audit }: { audit: Pick<Audit, 'state' | 'planIssuedAt'> }) {
  const issued = audit.state === 'planned' && audit.planIssuedAt;
  return (
    <Tag color={issued ? 'geekblue' : AUDIT_STATE_COLORS[audit.state]} data-testid="audit-state">
      {issued ? 'Đã ban hành kế hoạch' : AUDIT_STATE_LABELS[audit.state]}
    </Tag>
  );
}
