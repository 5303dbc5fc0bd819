import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { Db, mapUniqueViolation, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { ContentIndex } from '@eiso/content';
import { StorageDriver, storeThenCommit } from '@eiso/storage';
import { AttachmentEntity } from './attachment.entity';
import { AttachmentRepository, ONE_PRIMARY_INDEX } from './attachment.repository';
import {
  AttachmentSubject,
  AttachmentSubjectRef,
  PRIMARY_ATTACHMENT_KIND,
  WritableSubject,
} from './attachment-subject';
import { AttachmentSubjectRegistry } from './attachment-subject.registry';

export interface UploadOptions {
  /** The file's role for its subject; `primary` is at most one per subject. */
  kind?: string | null;
  /** Sniffed media types that may be kept; any other answers 415 before a byte is stored. */
  accepted: readonly string[];
}

export interface AttachmentDownload {
  file: AttachmentEntity;
  stream: Readable;
}

/**
 * Files of any subject, with one set of rules: bytes stream from the request into object storage
 * under an immutable key, within MAX_UPLOAD_MB, of a sniffed media type the caller accepts, hashed
 * on the way; the row is written only once the object is complete and the object removed again if
 * anything after fails or the client has gone (storeThenCommit). Whether the actor may see or change
 * a subject's files is the subject's domain's rule (AttachmentSubject); the audit events are
 * written under the subject.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly files: AttachmentRepository,
    private readonly subjects: AttachmentSubjectRegistry,
    private readonly storage: StorageDriver,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly content: ContentIndex,
  ) {}

  get maxBytes(): number {
    return this.config.MAX_UPLOAD_MB * 1024 * 1024;
  }

  /** Checks everything that can be checked before a byte is stored. */
  async prepareUpload(
    actor: Actor,
    subject: AttachmentSubjectRef,
    kind: string | null = null,
  ): Promise<WritableSubject> {
    const rules = this.subjects.of(subject.type);
    const writable = await rules.findWritable(this.tx.db, actor, subject.id, false);
    await this.refuseSecondPrimary(this.tx.db, rules, subject, kind);
    return writable;
  }

  /** `signal`: aborted when the client has gone; the file is then not kept. */
  async upload(
    actor: Actor,
    subject: AttachmentSubjectRef,
    fileName: string,
    body: Readable,
    signal: AbortSignal | undefined,
    options: UploadOptions,
  ): Promise<AttachmentEntity> {
    const rules = this.subjects.of(subject.type);
    const kind = options.kind ?? null;
    const { keyPrefix } = await this.prepareUpload(actor, subject, kind);
    const id = randomUUID();
    const key = `${keyPrefix}/${id}`;
    return storeThenCommit(
      this.storage,
      key,
      body,
      { maxBytes: this.maxBytes, accepted: options.accepted, details: kind ? { kind } : undefined, signal },
      (stored) =>
        this.tx.run(async (db) => {
          // The subject may have moved on while the bytes were streaming: check again, under lock.
          const owner = await rules.findWritable(db, actor, subject.id, true);
          await this.refuseSecondPrimary(db, rules, subject, kind);
          const row: AttachmentEntity = {
            id,
            subjectType: subject.type,
            subjectId: subject.id,
            agencyId: owner.agencyId,
            kind,
            name: fileName,
            size: stored.size,
            sha256: stored.sha256,
            mediaType: stored.mediaType,
            storageKey: key,
            uploadedBy: actor.userId,
            createdAt: this.clock.now(),
            deletedAt: null,
          };
          const primaryExists = rules.errors.primaryExists;
          await mapUniqueViolation(
            () => this.files.insert(db, [row]),
            primaryExists ? { [ONE_PRIMARY_INDEX]: primaryExists } : {},
          );
          await this.auditTrail.record(db, actor, {
            agencyId: owner.agencyId,
            entityType: subject.type,
            entityId: subject.id,
            action: rules.audit.uploaded,
            after: {
              fileId: id,
              ...(kind ? { kind } : {}),
              name: fileName,
              size: stored.size,
              sha256: stored.sha256,
              mediaType: stored.mediaType,
            },
          });
          // Its rendition and text are made after the commit (jobs through the outbox).
          if (rules.indexesContent) await this.content.track(db, row);
          return row;
        }),
    );
  }

  /** A file's row and bytes, for a reader the subject's rules let see it. */
  async open(actor: Actor, subject: AttachmentSubjectRef, fileId: string): Promise<AttachmentDownload> {
    const file = await this.get(actor, subject, fileId);
    return { file, stream: await this.storage.get(file.storageKey) };
  }

  /** A time-limited URL of the file's bytes (presigned on S3, a signed API link on local disk). */
  async downloadLink(
    actor: Actor,
    subject: AttachmentSubjectRef,
    fileId: string,
    ttlSeconds: number,
  ): Promise<{ file: AttachmentEntity; url: string }> {
    const file = await this.get(actor, subject, fileId);
    return { file, url: await this.storage.presignedGetUrl(file.storageKey, ttlSeconds, file.name) };
  }

  /** Removes one file; its bytes go too unless another subject's copy still names them. */
  async remove(actor: Actor, subject: AttachmentSubjectRef, fileId: string): Promise<void> {
    const rules = this.subjects.of(subject.type);
    const deleted = rules.audit.deleted;
    if (!deleted) throw new Error(`Files of "${subject.type}" cannot be removed one by one`);
    const gone = await this.tx.run(async (db) => {
      const owner = await rules.findWritable(db, actor, subject.id, true);
      const file = await this.files.findOne(db, subject, fileId);
      if (!file) throw new DomainException(rules.errors.fileNotFound);
      await this.files.delete(db, file.id);
      await this.auditTrail.record(db, actor, {
        agencyId: owner.agencyId,
        entityType: subject.type,
        entityId: subject.id,
        action: deleted,
        before: {
          fileId: file.id,
          ...(file.kind ? { kind: file.kind } : {}),
          name: file.name,
          sha256: file.sha256,
        },
      });
      if (await this.files.keyStillUsed(db, file.storageKey)) return null;
      return { key: file.storageKey, renditions: await this.content.forget(db, [file.storageKey]) };
    });
    if (!gone) return;
    await this.storage.delete(gone.key);
    await this.content.deleteRenditions(gone.renditions);
  }

  /** Every file of a subject in upload order, deleted ones included. For its domain's own reads. */
  list(db: Db, subject: AttachmentSubjectRef): Promise<AttachmentEntity[]> {
    return this.files.list(db, subject);
  }

  /** The files of many subjects of one type, in one query. */
  listMany(db: Db, subjectType: string, subjectIds: readonly string[]): Promise<AttachmentEntity[]> {
    return this.files.listMany(db, subjectType, subjectIds);
  }

  /** The files still stored, or (with `at`) those stored at that time: not deleted, or deleted since. */
  listStored(
    db: Db,
    subjectType: string,
    subjectIds: readonly string[],
    at: Date | null = null,
  ): Promise<AttachmentEntity[]> {
    return this.files.listStoredAt(db, subjectType, subjectIds, at);
  }

  hasPrimary(db: Db, subject: AttachmentSubjectRef): Promise<boolean> {
    return this.files.hasPrimary(db, subject);
  }

  /**
   * Copies the rows of `from`'s files to `to` (a new version starts with its base's files): new
   * ids, same objects, since keys are immutable and no byte is uploaded again.
   */
  async copy(
    db: Db,
    actor: Actor,
    from: AttachmentSubjectRef,
    to: AttachmentSubjectRef,
  ): Promise<AttachmentEntity[]> {
    const now = this.clock.now().getTime();
    const copies = (await this.files.list(db, from))
      .filter((f) => f.deletedAt === null)
      .map((f, i) => ({
        ...f,
        id: randomUUID(),
        subjectType: to.type,
        subjectId: to.id,
        uploadedBy: actor.userId,
        // A millisecond apart, so that the copies list in the order of the files they copy.
        createdAt: new Date(now + i),
      }));
    await this.files.insert(db, copies);
    return copies;
  }

  /**
   * Disposal, first half: deletes the objects of every file of the subject (deleting a missing
   * one succeeds, so a retry is safe), except objects a live copy of another subject still names.
   * Returns the files, for the tombstone. A storage error is thrown before any row changes.
   */
  async deleteObjects(db: Db, subject: AttachmentSubjectRef): Promise<AttachmentEntity[]> {
    const files = await this.files.list(db, subject);
    const shared = await this.files.keysSharedElsewhere(db, subject, [
      ...new Set(files.map((f) => f.storageKey)),
    ]);
    const deleted = [...new Set(files.map((f) => f.storageKey))].filter((key) => !shared.has(key));
    for (const key of deleted) await this.storage.delete(key);
    // Their text leaves the index with the bytes (a disposed record is found no more).
    await this.content.deleteRenditions(await this.content.forget(db, deleted));
    return files;
  }

  /**
   * Disposal, second half, in the caller's transaction: marks the subject's stored files deleted
   * once deleteObjects has removed their bytes. Rows stay as a tombstone.
   */
  markDeleted(db: Db, subject: AttachmentSubjectRef, at: Date): Promise<void> {
    return this.files.markDeleted(db, subject, at);
  }

  /** A file's row, for a reader the subject's rules let see it; its bytes must still be stored. */
  async get(actor: Actor, subject: AttachmentSubjectRef, fileId: string): Promise<AttachmentEntity> {
    const rules = this.subjects.of(subject.type);
    await rules.findReadable(this.tx.db, actor, subject.id);
    const file = await this.files.findOne(this.tx.db, subject, fileId);
    if (!file) throw new DomainException(rules.errors.fileNotFound);
    if (file.deletedAt) throw new DomainException(rules.errors.fileDeleted);
    return file;
  }

  private async refuseSecondPrimary(
    db: Db,
    rules: AttachmentSubject,
    subject: AttachmentSubjectRef,
    kind: string | null,
  ): Promise<void> {
    if (kind !== PRIMARY_ATTACHMENT_KIND) return;
    if (!rules.errors.primaryExists) throw new Error(`"${subject.type}" declares no primaryExists error`);
    if (await this.files.hasPrimary(db, subject)) throw new DomainException(rules.errors.primaryExists);
  }
}
