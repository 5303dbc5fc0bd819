import { DomainException, ErrorCode } from '@eiso/common';
import { AUDIT_STATE_LABELS, AuditState } from './audit-state';

/** planned → in_progress → reported → closed; nothing goes back. */
const ALLOWED: Record<AuditState, readonly AuditState[]> = {
  [AuditState.Planned]: [AuditState.InProgress],
  [AuditState.InProgress]: [AuditState.Reported],
  [AuditState.Reported]: [AuditState.Closed],
  [AuditState.Closed]: [],
};

export function canTransitionAudit(from: AuditState, to: AuditState): boolean {
  return ALLOWED[from].includes(to);
}

/** Refuses (409 AUDIT_INVALID_TRANSITION, naming both states in Vietnamese) a move the table forbids. */
export function assertAuditTransition(from: AuditState, to: AuditState): void {
  if (canTransitionAudit(from, to)) return;
  throw new DomainException(ErrorCode.AuditInvalidTransition, {
    from,
    to,
    message:
      `Cuộc đánh giá đang ở trạng thái "${AUDIT_STATE_LABELS[from]}", không thể chuyển sang ` +
      `"${AUDIT_STATE_LABELS[to]}".`,
  });
}
