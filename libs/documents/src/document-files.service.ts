import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import {
  ALLOWED_DOCUMENT_MEDIA_TYPES,
  PRIMARY_DOCUMENT_MEDIA_TYPES,
  StorageDriver,
  storeThenCommit,
} from '@eiso/storage';
import { DocumentFileEntity } from './document-file.entity';
import { DocumentFileRepository } from './document-file.repository';
import { DocumentFinder } from './document-finder';
import { FileKind } from './document-type';
import { assertCanEditDraft } from './document-versions.service';
import { FileView, toFileView } from './document.views';

export interface FileDownload {
  file: FileView;
  stream: Readable;
}

/**
 * Files of a version. Bytes stream from the request into object storage under an immutable key;
 * the row is written only after the object is complete, and the object is removed again if
 * anything after it fails, so a failed upload leaves neither.
 */
@Injectable()
export class DocumentFilesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly files: DocumentFileRepository,
    private readonly finder: DocumentFinder,
    private readonly storage: StorageDriver,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  get maxBytes(): number {
    return this.config.MAX_UPLOAD_MB * 1024 * 1024;
  }

  /** Checks everything that can be checked before a byte is stored. */
  async prepareUpload(actor: Actor, documentId: string, versionId: string, kind: FileKind): Promise<void> {
    const { document, version } = await this.finder.version(this.tx.db, actor, documentId, versionId);
    assertCanEditDraft(actor, document.agencyId, version);
    if (kind === FileKind.Primary && (await this.files.hasPrimary(this.tx.db, versionId))) {
      throw new DomainException(ErrorCode.DocumentPrimaryFileExists);
    }
  }

  async upload(
    actor: Actor,
    documentId: string,
    versionId: string,
    kind: FileKind,
    fileName: string,
    body: Readable,
    /** Aborted when the client has gone: the file is then not kept (storeThenCommit). */
    signal?: AbortSignal,
  ): Promise<FileView> {
    await this.prepareUpload(actor, documentId, versionId, kind);
    const { document } = await this.finder.document(this.tx.db, actor, documentId);
    const id = randomUUID();
    const key = `agency/${document.agencyId}/documents/${documentId}/versions/${versionId}/${id}`;
    const accepted = kind === FileKind.Primary ? PRIMARY_DOCUMENT_MEDIA_TYPES : ALLOWED_DOCUMENT_MEDIA_TYPES;
    return storeThenCommit(
      this.storage,
      key,
      body,
      { maxBytes: this.maxBytes, accepted, details: { kind }, signal },
      (stored) =>
        this.tx.run(async (db) => {
          // The version may have moved on while the bytes were streaming: check again, under lock.
          const { version } = await this.finder.version(db, actor, documentId, versionId, { lock: true });
          assertCanEditDraft(actor, document.agencyId, version);
          if (kind === FileKind.Primary && (await this.files.hasPrimary(db, versionId))) {
            throw new DomainException(ErrorCode.DocumentPrimaryFileExists);
          }
          const row: DocumentFileEntity = {
            id,
            versionId,
            documentId,
            agencyId: document.agencyId,
            kind,
            name: fileName,
            size: stored.size,
            sha256: stored.sha256,
            mediaType: stored.mediaType,
            storageKey: key,
            uploadedBy: actor.userId,
            createdAt: this.clock.now(),
          };
          await this.files.insert(db, [row]);
          await this.auditTrail.record(db, actor, {
            agencyId: document.agencyId,
            entityType: 'document_version',
            entityId: versionId,
            action: 'document_file.uploaded',
            after: {
              fileId: id,
              kind,
              name: fileName,
              size: stored.size,
              sha256: stored.sha256,
              mediaType: stored.mediaType,
            },
          });
          return toFileView(row);
        }),
    );
  }

  async download(actor: Actor, documentId: string, versionId: string, fileId: string): Promise<FileDownload> {
    await this.finder.version(this.tx.db, actor, documentId, versionId);
    const file = await this.files.findOne(this.tx.db, versionId, fileId);
    if (!file) throw new DomainException(ErrorCode.DocumentFileNotFound);
    return { file: toFileView(file), stream: await this.storage.get(file.storageKey) };
  }

  async remove(actor: Actor, documentId: string, versionId: string, fileId: string): Promise<void> {
    const orphanKey = await this.tx.run(async (db) => {
      const { document, version } = await this.finder.version(db, actor, documentId, versionId, {
        lock: true,
      });
      assertCanEditDraft(actor, document.agencyId, version);
      const file = await this.files.findOne(db, versionId, fileId);
      if (!file) throw new DomainException(ErrorCode.DocumentFileNotFound);
      await this.files.delete(db, file.id);
      await this.auditTrail.record(db, actor, {
        agencyId: document.agencyId,
        entityType: 'document_version',
        entityId: versionId,
        action: 'document_file.deleted',
        before: { fileId: file.id, kind: file.kind, name: file.name, sha256: file.sha256 },
      });
      // Earlier versions may share the object: delete the bytes only when no row points at them.
      return (await this.files.keyStillUsed(db, file.storageKey)) ? null : file.storageKey;
    });
    if (orphanKey) await this.storage.delete(orphanKey);
  }
}
