import { Injectable } from '@nestjs/common';
import {
  AgencyTransfer,
  AgencyTransferConflict,
  AgencyTransferInput,
  AgencyTransferStep,
  Db,
  moveAgencyRows,
  takenKeys,
  TransferSummary,
} from '@eiso/database';

/**
 * Org units move with their agency. A unit named like one of the receiving agency (the name is
 * unique per agency, accent- and case-insensitive) is a conflict: people rename or merge it first.
 */
@Injectable()
@AgencyTransfer()
export class OrgUnitAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'organizations';
  readonly tables = ['org_unit'];

  conflicts(db: Db, input: AgencyTransferInput): Promise<AgencyTransferConflict[]> {
    return takenKeys(db, 'org_unit', (r) => `eiso_fold(${r}.name)`, 'name', input);
  }

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    return { moved: { org_unit: await moveAgencyRows(db, 'org_unit', input, { touch: true }) } };
  }
}
