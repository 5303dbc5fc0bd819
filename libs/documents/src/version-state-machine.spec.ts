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
