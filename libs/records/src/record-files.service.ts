import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AttachmentsService } from '@eiso/attachments';
import { Actor } from '@eiso/common';
import { ALLOWED_DOCUMENT_MEDIA_TYPES } from '@eiso/storage';
import { recordFiles } from './record-attachment-subject';
import { RecordFileView, toRecordFileView } from './record.views';

export interface RecordFileDownload {
  file: RecordFileView;
  stream: Readable;
}

/**
 * Files of a record, through the attachments lib (one upload pipeline for every subject); the
 * rules of who may add or read them are RecordAttachmentSubject's.
 */
@Injectable()
export class RecordFilesService {
  constructor(private readonly attachments: AttachmentsService) {}

  get maxBytes(): number {
    return this.attachments.maxBytes;
  }

  /** Checks everything that can be checked before a byte is stored. */
  async prepareUpload(actor: Actor, recordId: string): Promise<void> {
    await this.attachments.prepareUpload(actor, recordFiles(recordId));
  }

  /** `signal`: aborted when the client has gone; the file is then not kept. */
  async upload(
    actor: Actor,
    recordId: string,
    fileName: string,
    body: Readable,
    signal?: AbortSignal,
  ): Promise<RecordFileView> {
    const file = await this.attachments.upload(actor, recordFiles(recordId), fileName, body, signal, {
      accepted: ALLOWED_DOCUMENT_MEDIA_TYPES,
    });
    return toRecordFileView(file);
  }

  async download(actor: Actor, recordId: string, fileId: string): Promise<RecordFileDownload> {
    const { file, stream } = await this.attachments.open(actor, recordFiles(recordId), fileId);
    return { file: toRecordFileView(file), stream };
  }
}
