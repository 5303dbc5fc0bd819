import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AttachmentsService } from '@eiso/attachments';
import { AuditTrailService } from '@eiso/audit-trail';
import { Actor, DomainException, ErrorCode, Role } from '@eiso/common';
import { ContentIndex } from '@eiso/content';
import { TransactionRunner } from '@eiso/database';
import { ALLOWED_DOCUMENT_MEDIA_TYPES, PRIMARY_DOCUMENT_MEDIA_TYPES } from '@eiso/storage';
import { DocumentFinder } from './document-finder';
import { actsInAgency } from './document-access';
import { FileKind } from './document-type';

/** Who may start a file's conversion and reading again: the drafting circle of its agency. */
const CONTENT_RETRIERS: readonly Role[] = [Role.Drafter, Role.Reviewer, Role.Approver, Role.IsoSecretary];
import { FileView, toFileView } from './document.views';
import { VERSION_ATTACHMENTS, versionFiles } from './version-attachment-subject';

export interface FileDownload {
  file: FileView;
  stream: Readable;
}

/**
 * Files of a version, through the attachments lib (one upload pipeline for every subject); the
 * rules of who may change or read them are VersionAttachmentSubject's. Each call first checks that
 * the version belongs to the document of the route (else 404, like a version that does not exist).
 */
@Injectable()
export class DocumentFilesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly finder: DocumentFinder,
    private readonly attachments: AttachmentsService,
    private readonly content: ContentIndex,
    private readonly auditTrail: AuditTrailService,
  ) {}

  get maxBytes(): number {
    return this.attachments.maxBytes;
  }

  /** Checks everything that can be checked before a byte is stored. */
  async prepareUpload(actor: Actor, documentId: string, versionId: string, kind: FileKind): Promise<void> {
    await this.finder.version(this.tx.db, actor, documentId, versionId);
    await this.attachments.prepareUpload(actor, versionFiles(versionId), kind);
  }

  async upload(
    actor: Actor,
    documentId: string,
    versionId: string,
    kind: FileKind,
    fileName: string,
    body: Readable,
    /** Aborted when the client has gone: the file is then not kept. */
    signal?: AbortSignal,
  ): Promise<FileView> {
    await this.finder.version(this.tx.db, actor, documentId, versionId);
    const accepted = kind === FileKind.Primary ? PRIMARY_DOCUMENT_MEDIA_TYPES : ALLOWED_DOCUMENT_MEDIA_TYPES;
    const file = await this.attachments.upload(actor, versionFiles(versionId), fileName, body, signal, {
      kind,
      accepted,
    });
    return toFileView(file, await this.content.statesOf(this.tx.db, [file.storageKey]));
  }

  async download(actor: Actor, documentId: string, versionId: string, fileId: string): Promise<FileDownload> {
    await this.finder.version(this.tx.db, actor, documentId, versionId);
    const { file, stream } = await this.attachments.open(actor, versionFiles(versionId), fileId);
    // The bytes only: what is known of its content is not part of a download.
    return { file: toFileView(file), stream };
  }

  /**
   * Starts the file's rendition (if it has none) and the reading of its text again: after a
   * conversion failed or timed out, or once LibreOffice is installed. For whoever may change the
   * version's files, or the agency's ISO secretary.
   */
  async retryContent(actor: Actor, documentId: string, versionId: string, fileId: string): Promise<FileView> {
    const { version } = await this.finder.version(this.tx.db, actor, documentId, versionId);
    if (!actsInAgency(actor, version.agencyId) || !actor.roles.some((r) => CONTENT_RETRIERS.includes(r)))
      throw new DomainException(ErrorCode.Forbidden);
    const file = await this.attachments.get(actor, versionFiles(versionId), fileId);
    await this.tx.run(async (db) => {
      if (!(await this.content.retry(db, file.storageKey)))
        throw new DomainException(ErrorCode.FileContentNotTracked);
      await this.auditTrail.record(db, actor, {
        agencyId: version.agencyId,
        entityType: VERSION_ATTACHMENTS,
        entityId: versionId,
        action: 'document_file.content_retried',
        after: { fileId: file.id, name: file.name, sha256: file.sha256 },
      });
    });
    return toFileView(file, await this.content.statesOf(this.tx.db, [file.storageKey]));
  }

  /** Earlier versions may share the object: its bytes go only when no row names them any more. */
  async remove(actor: Actor, documentId: string, versionId: string, fileId: string): Promise<void> {
    await this.finder.version(this.tx.db, actor, documentId, versionId);
    await this.attachments.remove(actor, versionFiles(versionId), fileId);
  }
}
