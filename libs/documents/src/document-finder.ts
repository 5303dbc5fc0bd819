import { Injectable } from '@nestjs/common';
import { Actor, DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { canSeeDocument, canSeeVersion, documentScope, DocumentScope } from './document-access';
import { DocumentEntity } from './document.entity';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentRepository } from './document.repository';
import { DocumentVersionRepository } from './document-version.repository';

/**
 * Loads documents and versions the way every service must: what the actor may not see answers
 * 404 exactly like what does not exist, so another agency's drafts never leak, not even by id.
 */
@Injectable()
export class DocumentFinder {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly versions: DocumentVersionRepository,
  ) {}

  async document(
    db: Db,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<{ document: DocumentEntity; scope: DocumentScope }> {
    const scope = documentScope(actor);
    const document = lock
      ? await this.documents.findByIdForUpdate(db, id)
      : await this.documents.findById(db, id);
    if (!document || !scope || !canSeeDocument(scope, document.agencyId, document.issueCount)) {
      throw new DomainException(ErrorCode.DocumentNotFound);
    }
    return { document, scope };
  }

  async version(
    db: Db,
    actor: Actor,
    documentId: string,
    versionId: string,
    options: { lock?: boolean } = {},
  ): Promise<{ document: DocumentEntity; version: DocumentVersionEntity }> {
    const { document, scope } = await this.document(db, actor, documentId, options.lock);
    const version = options.lock
      ? await this.versions.findForUpdate(db, documentId, versionId)
      : await this.versions.findById(db, versionId);
    if (
      !version ||
      version.documentId !== documentId ||
      !canSeeVersion(scope, document.agencyId, version.state)
    ) {
      throw new DomainException(ErrorCode.DocumentVersionNotFound);
    }
    return { document, version };
  }
}
