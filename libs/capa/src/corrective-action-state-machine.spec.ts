import { DomainException, ErrorCode } from '@eiso/common';
import { CorrectiveActionState } from './capa-state';
import {
  assertActionsEditable,
  assertNotClosed,
  CorrectiveActionTransition,
  nextCorrectiveActionState,
} from './corrective-action-state-machine';

const S = CorrectiveActionState;
const T = CorrectiveActionTransition;

/** Every transition a corrective action may take (DESIGN §6): anything not listed is refused. */
const ALLOWED: [CorrectiveActionState, CorrectiveActionTransition, CorrectiveActionState][] = [
  [S.Open, T.Plan, S.Planned],
  [S.Planned, T.Start, S.InProgress],
  [S.InProgress, T.AwaitVerification, S.Verifying],
  [S.Verifying, T.Close, S.Closed],
  [S.Verifying, T.Reopen, S.InProgress],
];

const ALL_PAIRS = Object.values(S).flatMap((state) =>
  Object.values(T).map((transition) => [state, transition] as const),
);
const REFUSED = ALL_PAIRS.filter(([state, t]) => !ALLOWED.some(([s, a]) => s === state && a === t));

function refusal(work: () => unknown): DomainException {
  try {
    work();
  } catch (e) {
    if (e instanceof DomainException) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('corrective action state machine', () => {
  it('runs the loop open → planned → in_progress → verifying → in_progress (not effective) → verifying → closed', () => {
    let state: CorrectiveActionState = S.Open;
    for (const t of [T.Plan, T.Start, T.AwaitVerification, T.Reopen, T.AwaitVerification, T.Close]) {
      state = nextCorrectiveActionState(state, t);
    }
    expect(state).toBe(S.Closed);
  });

  it.each(ALLOWED)('allows %s → %s, to %s', (state, transition, to) => {
    expect(nextCorrectiveActionState(state, transition)).toBe(to);
  });

  it('refuses every other pair of state and transition (closed is final)', () => {
    expect(ALL_PAIRS).toHaveLength(25);
    expect(REFUSED).toHaveLength(20);
    expect(REFUSED.filter(([state]) => state === S.Closed)).toHaveLength(5);
  });

  it.each(REFUSED)('refuses %s → %s with a 409 code naming the states it needs', (state, transition) => {
    const e = refusal(() => nextCorrectiveActionState(state, transition));
    expect(e.code).toBe(ErrorCode.CorrectiveActionInvalidTransition);
    expect(e.details).toMatchObject({
      state,
      transition,
      allowedFrom: ALLOWED.filter(([, t]) => t === transition).map(([s]) => s),
    });
    expect(e.details?.message).toMatch(/^Phiếu yêu cầu hành động khắc phục đang ở trạng thái "/);
  });

  it('names the states in Vietnamese', () => {
    const e = refusal(() => nextCorrectiveActionState(S.Open, T.Close));
    expect(e.details?.message).toBe(
      'Phiếu yêu cầu hành động khắc phục đang ở trạng thái "Mới mở"; thao tác này chỉ thực hiện được khi phiếu ở trạng thái "Đang kiểm tra hiệu lực".',
    );
  });

  it.each([
    [S.Open, true],
    [S.Planned, true],
    [S.InProgress, true],
    [S.Verifying, false],
    [S.Closed, false],
  ])('actions of a corrective action %s may change: %s', (state, editable) => {
    if (editable) expect(() => assertActionsEditable(state)).not.toThrow();
    else
      expect(refusal(() => assertActionsEditable(state)).code).toBe(ErrorCode.CorrectiveActionActionsLocked);
  });

  it('takes edits until it is closed', () => {
    for (const state of [S.Open, S.Planned, S.InProgress, S.Verifying])
      expect(() => assertNotClosed(state)).not.toThrow();
    expect(refusal(() => assertNotClosed(S.Closed)).code).toBe(ErrorCode.CorrectiveActionClosed);
  });
});
