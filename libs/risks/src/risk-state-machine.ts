import { DomainException, ErrorCode } from '@eiso/common';
import { RiskState } from './risk-state';

/** What changes a risk's state, and what may be done to it in each state. */
export type RiskAction = 'edit' | 'assess' | 'close' | 'reopen';

/** open: edited, re-assessed, closed; closed: only reopened. */
const ALLOWED: Record<RiskState, readonly RiskAction[]> = {
  open: ['edit', 'assess', 'close'],
  closed: ['reopen'],
};

/** The state a transition leads to. */
export const RISK_TRANSITION_TARGET: Partial<Record<RiskAction, RiskState>> = {
  close: 'closed',
  reopen: 'open',
};

export function riskActionAllowed(state: RiskState, action: RiskAction): boolean {
  return ALLOWED[state].includes(action);
}

/** 409 RISK_CLOSED for work on a closed risk, 409 RISK_NOT_CLOSED for reopening an open one. */
export function assertRiskAction(state: RiskState, action: RiskAction): void {
  if (riskActionAllowed(state, action)) return;
  throw new DomainException(state === 'closed' ? ErrorCode.RiskClosed : ErrorCode.RiskNotClosed);
}
