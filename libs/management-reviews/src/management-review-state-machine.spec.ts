import { DomainException, ErrorCode } from '@eiso/common';
import { ManagementReviewState } from './management-review-state';
import {
  assertActionsOpen,
  assertCompilable,
  assertEditable,
  canTransition,
  ManagementReviewTransition,
  nextReviewState,
} from './management-review-state-machine';

const S = ManagementReviewState;
const T = ManagementReviewTransition;

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainException ? e.code : 'other';
  }
}

describe('management review state machine', () => {
  const allowed: [ManagementReviewState, ManagementReviewTransition, ManagementReviewState][] = [
    [S.Planned, T.Hold, S.Held],
    [S.Held, T.Sign, S.Signed],
  ];

  it.each(Object.values(S).flatMap((s) => Object.values(T).map((t) => [s, t] as const)))(
    '%s + %s',
    (state, transition) => {
      const pair = allowed.find(([s, t]) => s === state && t === transition);
      expect(canTransition(state, transition)).toBe(!!pair);
      if (pair) expect(nextReviewState(state, transition)).toBe(pair[2]);
      else
        expect(codeOf(() => nextReviewState(state, transition))).toBe(ErrorCode.ManagementReviewStateInvalid);
    },
  );

  it('recompiles only while planned', () => {
    expect(codeOf(() => assertCompilable(S.Planned))).toBeNull();
    expect(codeOf(() => assertCompilable(S.Held))).toBe(ErrorCode.ManagementReviewInputsFrozen);
    expect(codeOf(() => assertCompilable(S.Signed))).toBe(ErrorCode.ManagementReviewInputsFrozen);
  });

  it('edits details until signed', () => {
    expect(codeOf(() => assertEditable(S.Planned))).toBeNull();
    expect(codeOf(() => assertEditable(S.Held))).toBeNull();
    expect(codeOf(() => assertEditable(S.Signed))).toBe(ErrorCode.ManagementReviewSigned);
  });

  it('takes decisions and actions once held', () => {
    expect(codeOf(() => assertActionsOpen(S.Planned))).toBe(ErrorCode.ManagementReviewActionsNotYet);
    expect(codeOf(() => assertActionsOpen(S.Held))).toBeNull();
    expect(codeOf(() => assertActionsOpen(S.Signed))).toBeNull();
  });
});
