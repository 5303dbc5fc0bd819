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
import { nonconformityNumber } from './nonconformity-numbering';

/**
 * Nonconformities are numbered in their agency's own yearly sequence and their corrective actions
 * are that agency's history: they stay with it. A nonconformity still open is unfinished work, a
 * conflict people settle first (close it, or raise it again in the receiving agency).
 */
@Injectable()
@AgencyTransfer()
export class CapaAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'capa';
  readonly tables = [
    'nonconformity',
    'corrective_action',
    'corrective_action_task',
    'corrective_action_verification',
    'capa_reminder',
  ];

  async conflicts(db: Db, input: AgencyTransferInput): Promise<AgencyTransferConflict[]> {
    const open: { id: string; year: number; serial: number }[] = await db.query(
      `SELECT id, year, serial FROM nonconformity WHERE agency_id = $1 AND state = 'open' ORDER BY year, serial`,
      [input.fromAgencyId],
    );
    return open.map((n) => ({
      table: 'nonconformity',
      reason: 'open' as const,
      key: nonconformityNumber(n.serial, n.year),
      fromId: n.id,
      toId: null,
    }));
  }

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    const kept: Record<string, number> = {};
    for (const table of this.tables) kept[table] = await countAgencyRows(db, table, input);
    return { moved: {}, kept, keptBecause: 'sự không phù hợp được đánh số theo cơ quan đã ghi nhận' };
  }
}
