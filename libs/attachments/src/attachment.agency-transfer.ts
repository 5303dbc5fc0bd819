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
 * Files follow their subjects (document versions, records…), which move with the agency; deleted
 * files' tombstones too. Objects stay where they are: a storage key is opaque and never changes.
 */
@Injectable()
@AgencyTransfer()
export class AttachmentAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'attachments';
  readonly tables = ['attachment'];

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    return { moved: { attachment: await moveAgencyRows(db, 'attachment', input) } };
  }
}
