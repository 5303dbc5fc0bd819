import { DomainException, ErrorCode } from '@eiso/common';
import { VersionState } from './document-type';
import { canTransition, isEditable, nextState, VersionAction } from './version-state-machine';

/** Every transition a version may take (DESIGN §4): anything not listed is refused. */
const ALLOWED: [VersionState, VersionAction, VersionState][] = [
  [VersionState.Draft, VersionAction.Submit, VersionState.InReview],
  [VersionState.InReview, VersionAction.ReviewApprove, VersionState.AwaitingApproval],
  [VersionState.InReview, VersionAction.ReviewReturn, VersionState.Draft],
  [VersionState.AwaitingApproval, VersionAction.Approve, VersionState.Approved],
  [VersionState.AwaitingApproval, VersionAction.ApprovalReturn, VersionState.Draft],
  [VersionState.Approved, VersionAction.Issue, VersionState.Effective],
  [VersionState.Approved, VersionAction.Schedule, VersionState.Scheduled],
  [VersionState.Approved, VersionAction.Supersede, VersionState.Superseded],
  [VersionState.Scheduled, VersionAction.Activate, VersionState.Effective],
  [VersionState.Scheduled, VersionAction.Supersede, VersionState.Superseded],
  [VersionState.Scheduled, VersionAction.Withdraw, VersionState.Obsolete],
  [VersionState.Effective, VersionAction.Supersede, VersionState.Superseded],
  [VersionState.Effective, VersionAction.Withdraw, VersionState.Obsolete],
];

const ALL_PAIRS = Object.values(VersionState).flatMap((state) =>
  Object.values(VersionAction).map((action) => [state, action] as const),
);
const REFUSED = ALL_PAIRS.filter(([state, action]) => !ALLOWED.some(([s, a]) => s === state && a === action));

describe('version state machine', () => {
  it('walks the whole lifecycle', () => {
    let state = VersionState.Draft;
    for (const action of [
      VersionAction.Submit,
      VersionAction.ReviewApprove,
      VersionAction.Approve,
      VersionAction.Issue,
    ]) {
      state = nextState(state, action);
    }
    expect(state).toBe(VersionState.Effective);
    expect(nextState(state, VersionAction.Supersede)).toBe(VersionState.Superseded);
    expect(nextState(state, VersionAction.Withdraw)).toBe(VersionState.Obsolete);
  });

  it('schedules a future issue, activates it on its date, and cancels it on withdrawal or a newer issue', () => {
    const scheduled = nextState(VersionState.Approved, VersionAction.Schedule);
    expect(scheduled).toBe(VersionState.Scheduled);
    expect(nextState(scheduled, VersionAction.Activate)).toBe(VersionState.Effective);
    expect(nextState(scheduled, VersionAction.Withdraw)).toBe(VersionState.Obsolete);
    expect(nextState(scheduled, VersionAction.Supersede)).toBe(VersionState.Superseded);
  });

  it('returns to draft from review and from approval', () => {
    expect(nextState(VersionState.InReview, VersionAction.ReviewReturn)).toBe(VersionState.Draft);
    expect(nextState(VersionState.AwaitingApproval, VersionAction.ApprovalReturn)).toBe(VersionState.Draft);
  });

  it.each([
    [VersionState.Draft, VersionAction.Approve],
    [VersionState.Draft, VersionAction.Issue],
    [VersionState.InReview, VersionAction.Approve],
    [VersionState.AwaitingApproval, VersionAction.Issue],
    [VersionState.Approved, VersionAction.Submit],
    [VersionState.Effective, VersionAction.Issue],
    [VersionState.Superseded, VersionAction.Withdraw],
    [VersionState.Obsolete, VersionAction.Issue],
    [VersionState.Effective, VersionAction.Activate],
    [VersionState.Approved, VersionAction.Activate],
    [VersionState.Scheduled, VersionAction.Issue],
    [VersionState.Scheduled, VersionAction.Schedule],
    [VersionState.Superseded, VersionAction.Activate],
  ])('refuses %s → %s with a 409 code', (state, action) => {
    expect(canTransition(state, action)).toBe(false);
    try {
      nextState(state, action);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainException);
      expect((e as DomainException).code).toBe(ErrorCode.DocumentVersionInvalidTransition);
      expect((e as DomainException).details).toMatchObject({ state, action });
    }
  });

  it.each(ALLOWED)('allows %s → %s, to %s', (state, action, to) => {
    expect(canTransition(state, action)).toBe(true);
    expect(nextState(state, action)).toBe(to);
  });

  it.each(REFUSED)('refuses %s → %s, naming the states the action needs', (state, action) => {
    expect(canTransition(state, action)).toBe(false);
    expect(() => nextState(state, action)).toThrow(DomainException);
    try {
      nextState(state, action);
    } catch (e) {
      const { allowedFrom, ...rest } = (e as DomainException).details as { allowedFrom: VersionState[] };
      expect(rest).toEqual({ state, action });
      expect([...allowedFrom].sort()).toEqual(
        ALLOWED.filter(([, a]) => a === action)
          .map(([s]) => s)
          .sort(),
      );
    }
  });

  it('ends in superseded and obsolete: no action leaves them', () => {
    for (const state of [VersionState.Superseded, VersionState.Obsolete]) {
      expect(Object.values(VersionAction).filter((action) => canTransition(state, action))).toEqual([]);
    }
  });

  it('lets only a draft be edited', () => {
    expect(Object.values(VersionState).filter(isEditable)).toEqual([VersionState.Draft]);
  });
});
