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
import { auditNumber } from './audit-team';

/**
 * Audit programmes and audits are the agency's signed history (the report is signed by the lead
 * auditor for that agency, numbered in its own sequence): they stay with it. An audit not yet
 * closed is unfinished work, a conflict people settle first.
 */
@Injectable()
@AgencyTransfer()
export class AuditAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'audits';
  readonly tables = [
    'audit_programme',
    'audit_programme_entry',
    'audit',
    'audit_checklist_item',
    'audit_finding',
  ];

  async conflicts(db: Db, input: AgencyTransferInput): Promise<AgencyTransferConflict[]> {
    const open: { id: string; year: number; serial: number }[] = await db.query(
      `SELECT id, year, serial FROM audit WHERE agency_id = $1 AND state <> 'closed' ORDER BY year, serial`,
      [input.fromAgencyId],
    );
    return open.map((a) => ({
      table: 'audit',
      reason: 'open' as const,
      key: auditNumber(a),
      fromId: a.id,
      toId: null,
    }));
  }

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    const kept: Record<string, number> = {};
    for (const table of this.tables) kept[table] = await countAgencyRows(db, table, input);
    return { moved: {}, kept, keptBecause: 'đánh giá nội bộ là hồ sơ đã ký của cơ quan được đánh giá' };
  }
}
