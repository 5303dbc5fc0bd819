import { Injectable } from '@nestjs/common';
import {
  AttachmentOwner,
  AttachmentSubject,
  AttachmentSubjectOf,
  AttachmentSubjectRef,
  WritableSubject,
} from '@eiso/attachments';
import { Actor, DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { DocumentFinder } from './document-finder';
import { DocumentVersionRepository } from './document-version.repository';
import { assertCanEditDraft } from './document-versions.service';

/** The attachment subject type of a version's files (and the audit entity type of their events). */
export const VERSION_ATTACHMENTS = 'document_version';

export function versionFiles(versionId: string): AttachmentSubjectRef {
  return { type: VERSION_ATTACHMENTS, id: versionId };
}

/**
 * Who sees and changes a version's files: readers of the version see them; only a draft's author
 * or the agency's ISO secretary adds or removes them. A new version copies its base's rows.
 */
@Injectable()
@AttachmentSubjectOf(VERSION_ATTACHMENTS)
export class VersionAttachmentSubject implements AttachmentSubject {
  readonly errors = {
    fileNotFound: ErrorCode.DocumentFileNotFound,
    // Version files are removed with their row, never kept as a tombstone.
    fileDeleted: ErrorCode.DocumentFileNotFound,
    primaryExists: ErrorCode.DocumentPrimaryFileExists,
  };
  readonly audit = { uploaded: 'document_file.uploaded', deleted: 'document_file.deleted' } as const;
  /** Found by what is inside them (GET /search). */
  readonly indexesContent = true;

  constructor(
    private readonly finder: DocumentFinder,
    private readonly versions: DocumentVersionRepository,
  ) {}

  async findReadable(db: Db, actor: Actor, versionId: string): Promise<AttachmentOwner> {
    const { document } = await this.finder.version(
      db,
      actor,
      await this.documentOf(db, versionId),
      versionId,
    );
    return { agencyId: document.agencyId };
  }

  async findWritable(db: Db, actor: Actor, versionId: string, lock: boolean): Promise<WritableSubject> {
    const documentId = await this.documentOf(db, versionId);
    const { document, version } = await this.finder.version(db, actor, documentId, versionId, { lock });
    assertCanEditDraft(actor, document.agencyId, version);
    return {
      agencyId: document.agencyId,
      keyPrefix: `agency/${document.agencyId}/documents/${documentId}/versions/${versionId}`,
    };
  }

  private async documentOf(db: Db, versionId: string): Promise<string> {
    const version = await this.versions.findById(db, versionId);
    if (!version) throw new DomainException(ErrorCode.DocumentVersionNotFound);
    return version.documentId;
  }
}
