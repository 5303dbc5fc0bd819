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
 * Notifications follow their recipients and subjects, which move with the agency: a link in one
 * still opens its document or record under the receiving agency.
 */
@Injectable()
@AgencyTransfer()
export class NotificationAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'notifications';
  readonly tables = ['notification'];

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    return { moved: { notification: await moveAgencyRows(db, 'notification', input) } };
  }
}
