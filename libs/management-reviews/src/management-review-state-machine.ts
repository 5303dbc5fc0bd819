import { DomainException, ErrorCode } from '@eiso/common';
import { MANAGEMENT_REVIEW_STATE_LABELS, ManagementReviewState } from './management-review-state';

/** What moves a review on. */
export enum ManagementReviewTransition {
  /** The meeting was held: the inputs are frozen, conclusions written. */
  Hold = 'hold',
  /** The chair signed the minutes. */
  Sign = 'sign',
}

/** planned → held → signed; nothing goes back. */
const TRANSITIONS: Record<
  ManagementReviewTransition,
  { from: ManagementReviewState; to: ManagementReviewState }
> = {
  [ManagementReviewTransition.Hold]: { from: ManagementReviewState.Planned, to: ManagementReviewState.Held },
  [ManagementReviewTransition.Sign]: { from: ManagementReviewState.Held, to: ManagementReviewState.Signed },
};

export function canTransition(state: ManagementReviewState, transition: ManagementReviewTransition): boolean {
  return TRANSITIONS[transition].from === state;
}

/** The next state, or 409 MANAGEMENT_REVIEW_STATE_INVALID naming the state it is in. */
export function nextReviewState(
  state: ManagementReviewState,
  transition: ManagementReviewTransition,
): ManagementReviewState {
  if (!canTransition(state, transition)) {
    throw new DomainException(ErrorCode.ManagementReviewStateInvalid, {
      state,
      transition,
      message: `Kỳ xem xét đang ở trạng thái "${MANAGEMENT_REVIEW_STATE_LABELS[state]}"; không thể ${TRANSITION_VERBS[transition]}.`,
    });
  }
  return TRANSITIONS[transition].to;
}

const TRANSITION_VERBS: Record<ManagementReviewTransition, string> = {
  [ManagementReviewTransition.Hold]: 'ghi nhận cuộc họp xem xét (chỉ khi đã lập kế hoạch)',
  [ManagementReviewTransition.Sign]: 'ký báo cáo (chỉ sau khi đã họp xem xét)',
};

/** The inputs are recompiled only while planned. */
export function assertCompilable(state: ManagementReviewState): void {
  if (state !== ManagementReviewState.Planned) {
    throw new DomainException(ErrorCode.ManagementReviewInputsFrozen, { state });
  }
}

/** Details (manual inputs, meeting, attendees, conclusions) change while planned or held. */
export function assertEditable(state: ManagementReviewState): void {
  if (state === ManagementReviewState.Signed) {
    throw new DomainException(ErrorCode.ManagementReviewSigned, { state });
  }
}

/**
 * Decisions and actions are decided at the meeting: added or changed once it is held, until the
 * chair signs the minutes, which fix them (the signature covers each one as decided).
 */
export function assertDecisionsOpen(state: ManagementReviewState): void {
  assertActionsOpen(state);
  if (state === ManagementReviewState.Signed) {
    throw new DomainException(ErrorCode.ManagementReviewSigned, { state });
  }
}

/** Follow-up of the actions (done, evidence) goes on once the meeting is held, signed or not. */
export function assertActionsOpen(state: ManagementReviewState): void {
  if (state === ManagementReviewState.Planned) {
    throw new DomainException(ErrorCode.ManagementReviewActionsNotYet, { state });
  }
}
