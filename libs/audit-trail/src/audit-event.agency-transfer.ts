import { Injectable } from '@nestjs/common';
import {
  AgencyTransfer,
  AgencyTransferInput,
  AgencyTransferStep,
  countAgencyRows,
  Db,
  TransferSummary,
} from '@eiso/database';

/**
 * The audit trail is history, and each event's hash covers the agency it was filed under: moving
 * an event would break the chain. Events stay under the old agency (whose row stays, `merged` or
 * `dissolved`, with its successor), and the step says so.
 */
@Injectable()
@AgencyTransfer()
export class AuditEventAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'audit-trail';
  readonly tables = ['audit_event'];

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    return {
      moved: {},
      kept: { audit_event: await countAgencyRows(db, 'audit_event', input) },
      keptBecause: 'nhật ký kiểm tra là lịch sử, mã băm của mỗi sự kiện gồm cả cơ quan',
    };
  }
}
