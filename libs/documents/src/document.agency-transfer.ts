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
 * Documents move with every version (their files move with the attachments step): what was in force stays in force under the
 * receiving agency, drafts stay drafts. A document code is unique per agency and is printed on
 * issued copies, so it is never rewritten: a code the receiving agency already uses is a conflict
 * that people settle first (a new revision under another code, or withdrawing one of the two).
 */
@Injectable()
@AgencyTransfer()
export class DocumentAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'documents';
  readonly tables = ['document', 'document_version'];

  conflicts(db: Db, input: AgencyTransferInput): Promise<AgencyTransferConflict[]> {
    return takenKeys(db, 'document', (r) => `lower(${r}.code)`, 'code', input);
  }

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    return {
      moved: {
        document: await moveAgencyRows(db, 'document', input, { touch: true }),
        document_version: await moveAgencyRows(db, 'document_version', input, { touch: true }),
      },
    };
  }
}
