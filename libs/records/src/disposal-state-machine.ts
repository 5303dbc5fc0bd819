import { DomainException, ErrorCode } from '@eiso/common';
import { DisposalState } from './record-state';

export enum DisposalAction {
  Approve = 'approve',
  Reject = 'reject',
  Complete = 'complete',
}

/** proposed → approved (signed) → completed (the job has disposed every record), or → rejected. */
const TRANSITIONS: Record<DisposalAction, { from: readonly DisposalState[]; to: DisposalState }> = {
  [DisposalAction.Approve]: { from: [DisposalState.Proposed], to: DisposalState.Approved },
  [DisposalAction.Reject]: { from: [DisposalState.Proposed], to: DisposalState.Rejected },
  [DisposalAction.Complete]: { from: [DisposalState.Approved], to: DisposalState.Completed },
};

/** The next state, or a 409 naming the state the batch is in and the ones the action needs. */
export function nextDisposalState(state: DisposalState, action: DisposalAction): DisposalState {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state)) {
    throw new DomainException(ErrorCode.DisposalInvalidTransition, {
      action,
      state,
      allowedFrom: rule.from,
    });
  }
  return rule.to;
}
