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
 * The register of risks and opportunities is the agency's own (its codes RR-001 / CH-001 are the
 * agency's sequences, never rewritten), with the history of its assessments, closings and
 * reminders: it stays with the agency that kept it. Nothing clashes, since nothing moves.
 */
@Injectable()
@AgencyTransfer()
export class RisksAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'risks';
  readonly tables = ['risk', 'risk_assessment', 'risk_state_change', 'risk_reminder'];

  conflicts(_db: Db, _input: AgencyTransferInput): Promise<AgencyTransferConflict[]> {
    return Promise.resolve([]);
  }

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    const kept: Record<string, number> = {};
    for (const table of this.tables) kept[table] = await countAgencyRows(db, table, input);
    return { moved: {}, kept, keptBecause: 'sổ đăng ký rủi ro và cơ hội được đánh số theo cơ quan đã lập' };
  }
}
