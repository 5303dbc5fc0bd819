import { DomainException, ErrorCode } from '@eiso/common';
import { DisposalAction, nextDisposalState } from './disposal-state-machine';
import { DisposalState } from './record-state';

describe('disposal batch state machine', () => {
  it('goes from proposed to approved to completed', () => {
    const approved = nextDisposalState(DisposalState.Proposed, DisposalAction.Approve);
    expect(approved).toBe(DisposalState.Approved);
    expect(nextDisposalState(approved, DisposalAction.Complete)).toBe(DisposalState.Completed);
  });

  it('rejects only a proposed batch', () => {
    expect(nextDisposalState(DisposalState.Proposed, DisposalAction.Reject)).toBe(DisposalState.Rejected);
  });

  it.each([
    [DisposalState.Approved, DisposalAction.Approve],
    [DisposalState.Approved, DisposalAction.Reject],
    [DisposalState.Rejected, DisposalAction.Approve],
    [DisposalState.Completed, DisposalAction.Reject],
    [DisposalState.Proposed, DisposalAction.Complete],
    [DisposalState.Rejected, DisposalAction.Complete],
  ])('refuses %s → %s with a 409 code', (state, action) => {
    try {
      nextDisposalState(state, action);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainException);
      expect((e as DomainException).code).toBe(ErrorCode.DisposalInvalidTransition);
      expect((e as DomainException).details).toMatchObject({ state, action });
    }
  });
});
