import { DomainException, ErrorCode } from '@eiso/common';
import { VersionState } from './document-type';

export enum VersionAction {
  Submit = 'submit',
  ReviewApprove = 'review_approve',
  ReviewReturn = 'review_return',
  Approve = 'approve',
  ApprovalReturn = 'approval_return',
  Issue = 'issue',
  /** Issue with a future effective date. */
  Schedule = 'schedule',
  /** The daily job: a scheduled version's date has come. */
  Activate = 'activate',
  Supersede = 'supersede',
  Withdraw = 'withdraw',
}

/** The lifecycle of DESIGN §4: which state each action leaves from, and where it leads. */
const TRANSITIONS: Record<VersionAction, { from: readonly VersionState[]; to: VersionState }> = {
  [VersionAction.Submit]: { from: [VersionState.Draft], to: VersionState.InReview },
  [VersionAction.ReviewApprove]: { from: [VersionState.InReview], to: VersionState.AwaitingApproval },
  [VersionAction.ReviewReturn]: { from: [VersionState.InReview], to: VersionState.Draft },
  [VersionAction.Approve]: { from: [VersionState.AwaitingApproval], to: VersionState.Approved },
  [VersionAction.ApprovalReturn]: { from: [VersionState.AwaitingApproval], to: VersionState.Draft },
  [VersionAction.Issue]: { from: [VersionState.Approved], to: VersionState.Effective },
  [VersionAction.Schedule]: { from: [VersionState.Approved], to: VersionState.Scheduled },
  [VersionAction.Activate]: { from: [VersionState.Scheduled], to: VersionState.Effective },
  // A newer issue retires the effective version, and approved or scheduled ones that can now never
  // come into force.
  [VersionAction.Supersede]: {
    from: [VersionState.Effective, VersionState.Approved, VersionState.Scheduled],
    to: VersionState.Superseded,
  },
  // Withdrawing a document ends the version in force and cancels the one waiting for its date.
  [VersionAction.Withdraw]: {
    from: [VersionState.Effective, VersionState.Scheduled],
    to: VersionState.Obsolete,
  },
};

export function canTransition(state: VersionState, action: VersionAction): boolean {
  return TRANSITIONS[action].from.includes(state);
}

/** The next state, or a 409 naming the state the version is in and the ones the action needs. */
export function nextState(state: VersionState, action: VersionAction): VersionState {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state)) {
    throw new DomainException(ErrorCode.DocumentVersionInvalidTransition, {
      action,
      state,
      allowedFrom: rule.from,
    });
  }
  return rule.to;
}

export function isEditable(state: VersionState): boolean {
  return state === VersionState.Draft;
}
