import { DomainException, ErrorCode } from '@eiso/common';
import { CORRECTIVE_ACTION_STATE_LABELS, CorrectiveActionState } from './capa-state';
import { CORRECTIVE_ACTION_MESSAGES } from './corrective-action.messages';

/** What moves a corrective action from one state to the next. */
export enum CorrectiveActionTransition {
  /** The plan is complete (root cause, actions, verifier). */
  Plan = 'plan',
  /** Work on the actions begins. */
  Start = 'start',
  /** The last action of the round is done: the effectiveness check is awaited (automatic). */
  AwaitVerification = 'await_verification',
  /** The check found it effective. */
  Close = 'close',
  /** The check found it not effective: a new round of actions. */
  Reopen = 'reopen',
}

/** open → planned → in_progress → verifying → closed, and verifying → in_progress (round + 1). */
const TRANSITIONS: Record<
  CorrectiveActionTransition,
  { from: readonly CorrectiveActionState[]; to: CorrectiveActionState }
> = {
  [CorrectiveActionTransition.Plan]: {
    from: [CorrectiveActionState.Open],
    to: CorrectiveActionState.Planned,
  },
  [CorrectiveActionTransition.Start]: {
    from: [CorrectiveActionState.Planned],
    to: CorrectiveActionState.InProgress,
  },
  [CorrectiveActionTransition.AwaitVerification]: {
    from: [CorrectiveActionState.InProgress],
    to: CorrectiveActionState.Verifying,
  },
  [CorrectiveActionTransition.Close]: {
    from: [CorrectiveActionState.Verifying],
    to: CorrectiveActionState.Closed,
  },
  [CorrectiveActionTransition.Reopen]: {
    from: [CorrectiveActionState.Verifying],
    to: CorrectiveActionState.InProgress,
  },
};

/** The next state, or a 409 naming the state the corrective action is in and the ones needed. */
export function nextCorrectiveActionState(
  state: CorrectiveActionState,
  transition: CorrectiveActionTransition,
): CorrectiveActionState {
  const rule = TRANSITIONS[transition];
  if (!rule.from.includes(state)) {
    throw new DomainException(ErrorCode.CorrectiveActionInvalidTransition, {
      transition,
      state,
      allowedFrom: rule.from,
      message: CORRECTIVE_ACTION_MESSAGES.invalidTransition(
        CORRECTIVE_ACTION_STATE_LABELS[state],
        rule.from.map((s) => CORRECTIVE_ACTION_STATE_LABELS[s]),
      ),
    });
  }
  return rule.to;
}

/** States in which actions of the current round may be added, edited or removed. */
export const ACTIONS_EDITABLE_IN: readonly CorrectiveActionState[] = [
  CorrectiveActionState.Open,
  CorrectiveActionState.Planned,
  CorrectiveActionState.InProgress,
];

/** 409 unless actions may change in this state. */
export function assertActionsEditable(state: CorrectiveActionState): void {
  if (!ACTIONS_EDITABLE_IN.includes(state)) {
    throw new DomainException(ErrorCode.CorrectiveActionActionsLocked, {
      state,
      message: CORRECTIVE_ACTION_MESSAGES.actionsLocked(CORRECTIVE_ACTION_STATE_LABELS[state]),
    });
  }
}

/** 409 once closed: a closed corrective action is history. */
export function assertNotClosed(state: CorrectiveActionState): void {
  if (state === CorrectiveActionState.Closed) throw new DomainException(ErrorCode.CorrectiveActionClosed);
}
