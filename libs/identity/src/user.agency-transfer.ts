import { Injectable } from '@nestjs/common';
import {
  AgencyTransfer,
  AgencyTransferInput,
  AgencyTransferStep,
  Db,
  moveAgencyRows,
  TransferSummary,
} from '@eiso/database';

/**
 * Accounts move with their agency, roles and org unit unchanged (login names are unique across
 * the system, so nothing conflicts). The auth guard reads the account's agency on every request,
 * so a session open during the merger works in the receiving agency from its next request.
 */
@Injectable()
@AgencyTransfer()
export class UserAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'identity';
  readonly tables = ['app_user'];

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    return { moved: { app_user: await moveAgencyRows(db, 'app_user', input, { touch: true }) } };
  }
}
