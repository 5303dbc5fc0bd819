import { Injectable } from '@nestjs/common';
import { Actor } from '@eiso/common';
import { AuditSubject, AuditVisibility, AuditVisibilityOf, namesByUuid } from '@eiso/audit-trail';
import { Db } from '@eiso/database';
import { canSeeDocument, canSeeVersion, documentScope } from './document-access';
import { DocumentVersionRepository } from './document-version.repository';
import { DocumentRepository } from './document.repository';
import { DOCUMENT_MESSAGES } from './documents.messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The trail of documents and versions shows what their routes show: a version's events only to
 * who may see the version as it is now (drafts stay in the agency's drafting circle), a document's
 * only to who may know of it (issued-only readers from its first issue on). A document is named
 * by its code and title, a version by its document's code, its own title and its revision.
 */
@Injectable()
@AuditVisibilityOf('document', 'document_version')
export class DocumentAuditVisibility implements AuditVisibility {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly versions: DocumentVersionRepository,
  ) {}

  async visibleSubjects(
    db: Db,
    actor: Actor,
    entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    const scope = documentScope(actor);
    if (!scope) return subjects.map(() => false);
    const ids = [...new Set(subjects.map((s) => s.entityId).filter((id) => UUID.test(id)))];
    const visible = new Set(
      entityType === 'document'
        ? (await this.documents.findVisibilityFacts(db, ids))
            .filter((d) => canSeeDocument(scope, d.agencyId, d.issueCount))
            .map((d) => d.id)
        : (await this.versions.findVisibilityFacts(db, ids))
            .filter((v) => canSeeVersion(scope, v.agencyId, v.state))
            .map((v) => v.id),
    );
    return subjects.map((s) => visible.has(s.entityId.toLowerCase()));
  }

  subjectNames(db: Db, entityType: string, entityIds: readonly string[]): Promise<(string | null)[]> {
    return namesByUuid(entityIds, async (ids) =>
      entityType === 'document'
        ? (await this.documents.namesOf(db, ids)).map((d) => [d.id, `${d.code} — ${d.title}`] as const)
        : (await this.versions.namesOf(db, ids)).map(
            (v) => [v.id, DOCUMENT_MESSAGES.versionName(v.code, v.title, v.revision)] as const,
          ),
    );
  }
}
