import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode, Role } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { ALLOWED_DOCUMENT_MEDIA_TYPES, StorageDriver, storeThenCommit } from '@eiso/storage';
import { RecordFileEntity } from './record-file.entity';
import { RecordFileRepository } from './record-file.repository';
import { RecordFinder } from './record-finder';
import { RecordState } from './record-state';
import { RecordEntity } from './record.entity';
import { RecordFileView, toRecordFileView } from './record.views';

export interface RecordFileDownload {
  file: RecordFileView;
  stream: Readable;
}

/**
 * Files of a record, stored like document files: streamed into object storage under an immutable
 * key with the same size limit and sniffed media-type allowlist; the row is written only once the
 * object is complete, and the object is removed again if anything after it fails.
 */
@Injectable()
export class RecordFilesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly files: RecordFileRepository,
    private readonly finder: RecordFinder,
    private readonly storage: StorageDriver,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  get maxBytes(): number {
    return this.config.MAX_UPLOAD_MB * 1024 * 1024;
  }

  /** Checks everything that can be checked before a byte is stored. */
  async prepareUpload(actor: Actor, recordId: string): Promise<RecordEntity> {
    const record = await this.finder.record(this.tx.db, actor, recordId);
    assertCanAddFiles(actor, record);
    return record;
  }

  /** `signal`: aborted when the client has gone; the file is then not kept (storeThenCommit). */
  async upload(
    actor: Actor,
    recordId: string,
    fileName: string,
    body: Readable,
    signal?: AbortSignal,
  ): Promise<RecordFileView> {
    const record = await this.prepareUpload(actor, recordId);
    const id = randomUUID();
    const key = `agency/${record.agencyId}/records/${record.id}/${id}`;
    return storeThenCommit(
      this.storage,
      key,
      body,
      { maxBytes: this.maxBytes, accepted: ALLOWED_DOCUMENT_MEDIA_TYPES, signal },
      (stored) =>
        this.tx.run(async (db) => {
          // The record may have fallen due or been disposed while the bytes were streaming.
          const locked = await this.finder.record(db, actor, recordId, true);
          assertCanAddFiles(actor, locked);
          const row: RecordFileEntity = {
            id,
            recordId,
            agencyId: locked.agencyId,
            name: fileName,
            size: stored.size,
            sha256: stored.sha256,
            mediaType: stored.mediaType,
            storageKey: key,
            uploadedBy: actor.userId,
            createdAt: this.clock.now(),
            deletedAt: null,
          };
          await this.files.insert(db, row);
          await this.auditTrail.record(db, actor, {
            agencyId: locked.agencyId,
            entityType: 'record',
            entityId: recordId,
            action: 'record_file.uploaded',
            after: {
              fileId: id,
              name: fileName,
              size: stored.size,
              sha256: stored.sha256,
              mediaType: stored.mediaType,
            },
          });
          return toRecordFileView(row);
        }),
    );
  }

  async download(actor: Actor, recordId: string, fileId: string): Promise<RecordFileDownload> {
    const record = await this.finder.record(this.tx.db, actor, recordId);
    const file = await this.files.findOne(this.tx.db, record.id, fileId);
    if (!file) throw new DomainException(ErrorCode.RecordFileNotFound);
    if (file.deletedAt || record.state === RecordState.Disposed) {
      throw new DomainException(ErrorCode.RecordDisposed);
    }
    return { file: toRecordFileView(file), stream: await this.storage.get(file.storageKey) };
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
