import { Injectable } from '@nestjs/common';
import {
  AgencyTransfer,
  AgencyTransferConflict,
  AgencyTransferInput,
  AgencyTransferStep,
  countAgencyRows,
  Db,
  moveAgencyRows,
  takenKeys,
  TransferSummary,
} from '@eiso/database';
import { DisposalState } from './record-state';

const CLOSED_BATCH = `state IN ('${DisposalState.Completed}', '${DisposalState.Rejected}')`;

/**
 * The Danh mục hồ sơ, the records and their search rows move (their files: the attachments
 * step); a record type code the receiving agency already uses is a conflict people settle first
 * (codes are unique per agency, and printed on the dossiers' covers).
 * Disposal batches are signed history: the signature covers the agency and the batch number of
 * the agency's own sequence, so a closed batch (completed or rejected) stays with the agency that
 * signed it, and a batch still open (proposed or approved) is a conflict: finish or reject it first.
 */
@Injectable()
@AgencyTransfer()
export class RecordAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'records';
  readonly tables = ['record_type', 'record', 'record_search', 'disposal'];

  async conflicts(db: Db, input: AgencyTransferInput): Promise<AgencyTransferConflict[]> {
    const open: { id: string; number: number }[] = await db.query(
      `SELECT id, number FROM disposal WHERE agency_id = $1 AND NOT (${CLOSED_BATCH}) ORDER BY number`,
      [input.fromAgencyId],
    );
    return [
      ...(await takenKeys(db, 'record_type', (r) => `lower(${r}.code)`, 'code', input)),
      ...open.map((d) => ({
        table: 'disposal',
        reason: 'open' as const,
        key: String(d.number),
        fromId: d.id,
        toId: null,
      })),
    ];
  }

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    return {
      moved: {
        record_type: await moveAgencyRows(db, 'record_type', input, { touch: true }),
        record: await moveAgencyRows(db, 'record', input, { touch: true }),
        record_search: await moveAgencyRows(db, 'record_search', input),
      },
      kept: { disposal: await countAgencyRows(db, 'disposal', input, CLOSED_BATCH) },
      keptBecause: 'biên bản hủy đã ký thuộc cơ quan đã ký',
    };
  }
}
