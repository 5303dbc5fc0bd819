import { DomainException, ErrorCode } from '@eiso/common';
import { assertCanHold, assertCanRelease } from './record-hold';
import { DisposalState, RecordState } from './record-state';

function codeOf(check: () => void): ErrorCode | null {
  try {
    check();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    return (error as DomainException).code;
  }
}

const batch = (state: DisposalState) => ({ disposalId: `dot-${state}`, state });

describe('legal hold on a record', () => {
  it.each([
    // state, already held, open batches → refusal
    [RecordState.Active, false, [], null],
    [RecordState.DueForDisposal, false, [], null],
    [RecordState.DueForDisposal, false, [DisposalState.Proposed], null],
    [RecordState.DueForDisposal, false, [DisposalState.Approved], ErrorCode.RecordDisposalInProgress],
    [RecordState.Active, true, [], ErrorCode.RecordAlreadyOnHold],
    [RecordState.DueForDisposal, true, [DisposalState.Proposed], ErrorCode.RecordAlreadyOnHold],
    [RecordState.Disposed, false, [], ErrorCode.RecordDisposed],
  ] as const)('a %s record (held: %s, batches %j) → %s', (state, held, batches, expected) => {
    const record = { state, holdReason: held ? 'Thanh tra tỉnh đang xác minh' : null };
    expect(codeOf(() => assertCanHold(record, batches.map(batch)))).toBe(expected);
  });

  it('names the signed batch that stops the hold', () => {
    const record = { state: RecordState.DueForDisposal, holdReason: null };
    try {
      assertCanHold(record, [batch(DisposalState.Proposed), batch(DisposalState.Approved)]);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toMatchObject({
        code: ErrorCode.RecordDisposalInProgress,
        details: { disposalId: 'dot-approved' },
      });
    }
  });

  it('lifts only a hold that is there', () => {
    expect(codeOf(() => assertCanRelease({ holdReason: 'Kiểm toán nhà nước' }))).toBeNull();
    expect(codeOf(() => assertCanRelease({ holdReason: null }))).toBe(ErrorCode.RecordNotOnHold);
  });
});
