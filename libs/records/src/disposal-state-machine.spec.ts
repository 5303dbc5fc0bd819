import { DomainException, ErrorCode } from '@eiso/common';
import { DisposalAction, nextDisposalState } from './disposal-state-machine';
import { DisposalState } from './record-state';

/** Every transition a batch may take (DESIGN §5): anything not listed is refused. */
const ALLOWED: [DisposalState, DisposalAction, DisposalState][] = [
  [DisposalState.Proposed, DisposalAction.Approve, DisposalState.Approved],
  [DisposalState.Proposed, DisposalAction.Reject, DisposalState.Rejected],
  [DisposalState.Approved, DisposalAction.Complete, DisposalState.Completed],
];

const ALL_PAIRS = Object.values(DisposalState).flatMap((state) =>
  Object.values(DisposalAction).map((action) => [state, action] as const),
);
const REFUSED = ALL_PAIRS.filter(([state, action]) => !ALLOWED.some(([s, a]) => s === state && a === action));

describe('disposal batch state machine', () => {
  it('goes from proposed to approved to completed', () => {
    const approved = nextDisposalState(DisposalState.Proposed, DisposalAction.Approve);
    expect(approved).toBe(DisposalState.Approved);
    expect(nextDisposalState(approved, DisposalAction.Complete)).toBe(DisposalState.Completed);
  });

  it.each(ALLOWED)('allows %s → %s, to %s', (state, action, to) => {
    expect(nextDisposalState(state, action)).toBe(to);
  });

  it('refuses every other pair of state and action (completed and rejected are final)', () => {
    expect(REFUSED).toHaveLength(ALL_PAIRS.length - ALLOWED.length);
    expect(REFUSED.filter(([state]) => state === DisposalState.Completed)).toHaveLength(3);
    expect(REFUSED.filter(([state]) => state === DisposalState.Rejected)).toHaveLength(3);
  });

  it.each(REFUSED)('refuses %s → %s with a 409 code naming the states it needs', (state, action) => {
    try {
      nextDisposalState(state, action);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainException);
      expect((e as DomainException).code).toBe(ErrorCode.DisposalInvalidTransition);
      expect((e as DomainException).details).toEqual({
        state,
        action,
        allowedFrom: ALLOWED.filter(([, a]) => a === action).map(([s]) => s),
      });
    }
  });
});
