import { DISPOSAL_STATE_LABELS, DisposalState, RecordState } from './record-state';
import { RecordEntity } from './record.entity';
import { becomesDueAt } from './retention';
import { RECORD_MESSAGES } from './records.messages';

/** Why a record cannot go into a batch. */
export type IneligibleReason = 'not_found' | 'disposed' | 'on_hold' | 'not_due' | 'in_batch';

/** The open batch (not rejected) a record sits in. */
export interface OpenBatch {
  disposalId: string;
  number: number;
  state: DisposalState;
}

/**
 * One refused record of a disposal proposal, in the error's details: which record, why (a code and
 * a Vietnamese sentence), and the facts behind the reason.
 */
export interface IneligibleRecord {
  id: string;
  /** null when the record was not found (nothing is told of other agencies' records). */
  title: string | null;
  reference: string | null;
  reason: IneligibleReason;
  message: string;
  /** on_hold: the hold's reason and since when. */
  holdReason?: string;
  heldAt?: string | null;
  /** not_due: the day retention ends (null: kept permanently) and when the daily run moves it. */
  retentionEnd?: string | null;
  becomesDueAt?: string | null;
  /** in_batch: the batch. */
  disposalId?: string;
  disposalNumber?: string;
  disposalState?: DisposalState;
  /** disposed: when. */
  disposedAt?: string | null;
}

/**
 * The records of a proposal that may not go into a batch, in the order asked, each with one
 * reason: gone, disposed, on hold (a held record is never moved or disposed, whatever its
 * retention), not due yet, or already in an open batch.
 */
export function ineligibleRecords(input: {
  ids: string[];
  records: RecordEntity[];
  openBatches: ReadonlyMap<string, OpenBatch>;
  now: Date;
}): IneligibleRecord[] {
  const byId = new Map(input.records.map((r) => [r.id, r]));
  return input.ids.flatMap((id): IneligibleRecord[] => {
    const r = byId.get(id);
    if (!r) {
      return [
        {
          id,
          title: null,
          reference: null,
          reason: 'not_found',
          message: RECORD_MESSAGES.ineligible.notFound(id),
        },
      ];
    }
    const refusal = refusalOf(r, input.openBatches.get(id), input.now);
    return refusal ? [{ id, title: r.title, reference: r.reference, ...refusal }] : [];
  });
}

type Refusal = Omit<IneligibleRecord, 'id' | 'title' | 'reference'>;

function refusalOf(r: RecordEntity, batch: OpenBatch | undefined, now: Date): Refusal | null {
  const M = RECORD_MESSAGES.ineligible;
  const record = M.record(r.title, r.reference);
  if (r.state === RecordState.Disposed) {
    return {
      reason: 'disposed',
      message: M.disposed(record, r.disposedAt),
      disposedAt: r.disposedAt?.toISOString() ?? null,
    };
  }
  if (r.holdReason !== null) {
    return {
      reason: 'on_hold',
      message: M.onHold(record, r.holdReason, r.heldAt),
      holdReason: r.holdReason,
      heldAt: r.heldAt?.toISOString() ?? null,
    };
  }
  if (r.state !== RecordState.DueForDisposal) {
    if (r.retentionEnd === null) {
      return { reason: 'not_due', message: M.permanent(record), retentionEnd: null, becomesDueAt: null };
    }
    const run = becomesDueAt(r.retentionEnd, now);
    return {
      reason: 'not_due',
      message: M.notDue(record, r.retentionEnd, run),
      retentionEnd: r.retentionEnd,
      becomesDueAt: run.toISOString(),
    };
  }
  if (batch) {
    const number = RECORD_MESSAGES.minuteNumber(batch.number);
    return {
      reason: 'in_batch',
      message: M.inBatch(record, number, DISPOSAL_STATE_LABELS[batch.state]),
      disposalId: batch.disposalId,
      disposalNumber: number,
      disposalState: batch.state,
    };
  }
  return null;
}
