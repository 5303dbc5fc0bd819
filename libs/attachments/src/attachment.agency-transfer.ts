import { Injectable } from '@nestjs/common';
import {
  AgencyTransfer,
  AgencyTransferInput,
  AgencyTransferStep,
  countAgencyRows,
  Db,
  moveAgencyRows,
  TransferSummary,
} from '@eiso/database';
import { AttachmentSubjectRegistry } from './attachment-subject.registry';

/**
 * Files follow their subjects: those of subjects that move with the agency (document versions,
 * records…) move, deleted files' tombstones too; those of subjects their domain keeps with the old
 * agency as signed history (`onAgencyTransfer: 'keep'`: audit evidence, corrective-action
 * evidence) stay with them. Objects stay where they are: a storage key is opaque and never changes.
 */
@Injectable()
@AgencyTransfer()
export class AttachmentAgencyTransfer implements AgencyTransferStep {
  readonly domain = 'attachments';
  readonly tables = ['attachment'];

  constructor(private readonly subjects: AttachmentSubjectRegistry) {}

  async transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary> {
    // Subject types are checked plain identifiers (the registry refuses any other at start-up).
    const kept = this.subjects.keptOnAgencyTransfer();
    if (!kept.length) return { moved: { attachment: await moveAgencyRows(db, 'attachment', input) } };
    const keptTypes = `subject_type IN (${kept.map((type) => `'${type}'`).join(', ')})`;
    return {
      moved: { attachment: await moveAgencyRows(db, 'attachment', input, { where: `NOT (${keptTypes})` }) },
      kept: { attachment: await countAgencyRows(db, 'attachment', input, keptTypes) },
      keptBecause: 'tệp bằng chứng của đánh giá nội bộ và hành động khắc phục ở lại với hồ sơ đã ký',
    };
  }
}
