import { Injectable } from '@nestjs/common';
import {
  AttachmentSubject,
  AttachmentSubjectOf,
  AttachmentSubjectRef,
  WritableSubject,
} from '@eiso/attachments';
import { Actor, DomainException, ErrorCode, Role } from '@eiso/common';
import { Db } from '@eiso/database';
import { RecordFinder } from './record-finder';
import { RecordState } from './record-state';
import { RecordEntity } from './record.entity';

/** The attachment subject type of a record's files (and the audit entity type of their events). */
export const RECORD_ATTACHMENTS = 'record';

export function recordFiles(recordId: string): AttachmentSubjectRef {
  return { type: RECORD_ATTACHMENTS, id: recordId };
}

/**
 * Who sees and adds a record's files: records are agency-internal, and files are added while the
 * record is `active`. Disposal deletes the files' objects and keeps their rows (RECORD_DISPOSED).
 */
@Injectable()
@AttachmentSubjectOf(RECORD_ATTACHMENTS)
export class RecordAttachmentSubject implements AttachmentSubject {
  readonly errors = { fileNotFound: ErrorCode.RecordFileNotFound, fileDeleted: ErrorCode.RecordDisposed };
  readonly audit = { uploaded: 'record_file.uploaded' } as const;
  /** Found by what is inside them (GET /search). */
  readonly indexesContent = true;

  constructor(private readonly finder: RecordFinder) {}

  findReadable(db: Db, actor: Actor, recordId: string): Promise<RecordEntity> {
    return this.finder.record(db, actor, recordId);
  }

  async findWritable(db: Db, actor: Actor, recordId: string, lock: boolean): Promise<WritableSubject> {
    const record = await this.finder.record(db, actor, recordId, lock);
    assertCanAddFiles(actor, record);
    return { agencyId: record.agencyId, keyPrefix: `agency/${record.agencyId}/records/${record.id}` };
  }
}

/**
 * Files are added while the record is `active`: once due, a batch may be signed over its files.
 * Only the person who filed the record, or the agency's ISO secretary, adds to it.
 */
function assertCanAddFiles(actor: Actor, record: RecordEntity): void {
  if (record.state === RecordState.Disposed) throw new DomainException(ErrorCode.RecordDisposed);
  if (record.state !== RecordState.Active) {
    throw new DomainException(ErrorCode.RecordNotActive, { state: record.state });
  }
  if (record.createdBy !== actor.userId && !actor.roles.includes(Role.IsoSecretary)) {
    throw new DomainException(ErrorCode.RecordNotOwner);
  }
}
