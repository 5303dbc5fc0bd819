import { DomainException, ErrorCode } from '@eiso/common';
import { DisposalState, RecordState } from './record-state';
import { RecordEntity } from './record.entity';

/**
 * Whether a legal hold may be laid on a record (DESIGN §13, "Legal hold is a flag, not a state"):
 * in any state but disposed, once, and not once its batch is signed (its files are being deleted).
 * A batch that is only proposed does not stop the hold: the batch will then be refused whole.
 */
export function assertCanHold(
  record: Pick<RecordEntity, 'state' | 'holdReason'>,
  openBatches: readonly { disposalId: string; state: DisposalState }[],
): void {
  if (record.state === RecordState.Disposed) throw new DomainException(ErrorCode.RecordDisposed);
  if (record.holdReason !== null) throw new DomainException(ErrorCode.RecordAlreadyOnHold);
  const signed = openBatches.find((o) => o.state !== DisposalState.Proposed);
  if (signed)
    throw new DomainException(ErrorCode.RecordDisposalInProgress, { disposalId: signed.disposalId });
}

/** A hold can be lifted only where there is one. */
export function assertCanRelease(record: Pick<RecordEntity, 'holdReason'>): void {
  if (record.holdReason === null) throw new DomainException(ErrorCode.RecordNotOnHold);
}
