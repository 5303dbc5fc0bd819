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

/**
 * A conformity declaration is the decision of the agency that signed it, numbered in its register:
 * it stays with that agency (the receiving one declares its own system anew). An unsigned draft is
 * unfinished work, a conflict people settle first (sign or discard it).
 */
@Injectable()
@AgencyTransfer()
export class DeclarationAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'conformity';
  readonly tables = ['conformity_declaration'];

  async conflicts(db: Db, input: AgencyTransferInput): Promise<AgencyTransferConflict[]> {
    const drafts: { id: string }[] = await db.query(
      `SELECT id FROM conformity_declaration WHERE agency_id = $1 AND state = 'draft'`,
      [input.fromAgencyId],
    );
    return drafts.map((d) => ({
      table: 'conformity_declaration',
      reason: 'open' as const,
      key: 'Dự thảo quyết định công bố',
      fromId: d.id,
      toId: null,
    }));
  }

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    return {
      moved: {},
      kept: { conformity_declaration: await countAgencyRows(db, 'conformity_declaration', input) },
      keptBecause: 'quyết định công bố được đánh số và ký theo cơ quan đã ban hành',
    };
  }
}
