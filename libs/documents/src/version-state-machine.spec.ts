import { DomainException, ErrorCode } from '@eiso/common';
import { VersionState } from './document-type';
import { canTransition, nextState, VersionAction } from './version-state-machine';

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
});
