import { Injectable } from '@nestjs/common';
import {
  AgencyTransfer,
  AgencyTransferConflict,
  AgencyTransferInput,
  AgencyTransferStep,
  countAgencyRows,
  Db,
  TransferSummary,
} from '@eiso/database';
import { managementReviewNumber } from './management-review-numbering';

/**
 * A management review is the agency's own record of its leadership's review, numbered in its
 * yearly sequence and signed by its chair: it stays with the agency. A review not yet signed is
 * unfinished work, a conflict people settle first (hold and sign it, or plan it in the receiving
 * agency).
 */
@Injectable()
@AgencyTransfer()
export class ManagementReviewAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'management-reviews';
  readonly tables = ['management_review', 'management_review_action'];

  async conflicts(db: Db, input: AgencyTransferInput): Promise<AgencyTransferConflict[]> {
    const open: { id: string; year: number; serial: number }[] = await db.query(
      `SELECT id, year, serial FROM management_review WHERE agency_id = $1 AND state <> 'signed' ORDER BY year, serial`,
      [input.fromAgencyId],
    );
    return open.map((r) => ({
      table: 'management_review',
      reason: 'open' as const,
      key: managementReviewNumber(r.serial, r.year),
      fromId: r.id,
      toId: null,
    }));
  }

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    const kept: Record<string, number> = {};
    for (const table of this.tables) kept[table] = await countAgencyRows(db, table, input);
    return {
      moved: {},
      kept,
      keptBecause: 'xem xét của lãnh đạo được đánh số và ký theo cơ quan đã thực hiện',
    };
  }
}
