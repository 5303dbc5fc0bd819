import { Injectable } from '@nestjs/common';
import {
  AgencyTransfer,
  AgencyTransferConflict,
  AgencyTransferInput,
  AgencyTransferStep,
  countAgencyRows,
  TransferSummary,
  Db,
} from '@eiso/database';

/**
 * Quality objectives are set by an agency's leadership for its own year, owned by its own units,
 * and measured against its own results: they are that agency's history and stay with it. The
 * receiving agency sets its own objectives; nothing clashes.
 */
@Injectable()
@AgencyTransfer()
export class ObjectivesAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'objectives';
  readonly tables = ['objective', 'objective_measurement', 'objective_reminder'];

  conflicts(_db: Db, _input: AgencyTransferInput): Promise<AgencyTransferConflict[]> {
    return Promise.resolve([]);
  }

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    const kept: Record<string, number> = {};
    for (const table of this.tables) kept[table] = await countAgencyRows(db, table, input);
    return { moved: {}, kept, keptBecause: 'mục tiêu chất lượng là của cơ quan đã ban hành và đo lường' };
  }
}
