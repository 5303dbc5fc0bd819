import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AttachmentsService } from '@eiso/attachments';
import { Actor } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { ALLOWED_DOCUMENT_MEDIA_TYPES, PRIMARY_DOCUMENT_MEDIA_TYPES } from '@eiso/storage';
import { DocumentFinder } from './document-finder';
import { FileKind } from './document-type';
import { FileView, toFileView } from './document.views';
import { versionFiles } from './version-attachment-subject';

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
    return toFileView(file);
  }

  async download(actor: Actor, documentId: string, versionId: string, fileId: string): Promise<FileDownload> {
    await this.finder.version(this.tx.db, actor, documentId, versionId);
    const { file, stream } = await this.attachments.open(actor, versionFiles(versionId), fileId);
    return { file: toFileView(file), stream };
  }

  /** Earlier versions may share the object: its bytes go only when no row names them any more. */
  async remove(actor: Actor, documentId: string, versionId: string, fileId: string): Promise<void> {
    await this.finder.version(this.tx.db, actor, documentId, versionId);
    await this.attachments.remove(actor, versionFiles(versionId), fileId);
  }
}
