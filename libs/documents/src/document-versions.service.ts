import { ContentIndex } from '@eiso/content';
import { Injectable } from '@nestjs/common';
import { AttachmentsService } from '@eiso/attachments';
import { Actor, Clock, DomainException, ErrorCode, Role, todayInVietnam } from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { SignatureSubjectType, SignaturesService } from '@eiso/signatures';
import { actsInAgency, canSeeVersion } from './document-access';
import { DocumentFinder } from './document-finder';
import { VersionState } from './document-type';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentVersionRepository } from './document-version.repository';
import { toVersionView, VersionView } from './document.views';
import { isEditable } from './version-state-machine';
import { newDraft } from './new-draft';
import { versionSubject } from './signature-content';
import {
  externalSourceOf,
  ExternalSourceInput,
  resolveExternalSource,
  toExternalColumns,
} from './external-source';
import { VERSION_ATTACHMENTS, versionFiles } from './version-attachment-subject';

export interface EditDraftInput {
  title?: string;
  changeSummary?: string | null;
  isoClauses?: string[];
  tthcCodes?: string[];
  /** Only for external documents; a field left out stays, `null` clears an optional one. */
  external?: ExternalSourceInput;
}

@Injectable()
export class DocumentVersionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly versions: DocumentVersionRepository,
    private readonly attachments: AttachmentsService,
    private readonly finder: DocumentFinder,
    private readonly auditTrail: AuditTrailService,
    private readonly signatures: SignaturesService,
    private readonly clock: Clock,
    private readonly content: ContentIndex,
  ) {}

  async list(actor: Actor, documentId: string): Promise<VersionView[]> {
    const db = this.tx.db;
    const { document, scope } = await this.finder.document(db, actor, documentId);
    const versions = (await this.versions.listByDocument(db, documentId, scope.states)).filter((v) =>
      canSeeVersion(scope, document.agencyId, v.state),
    );
    // One query each for the signatures, files and comments of every version (not one per version).
    const ids = versions.map((v) => v.id);
    const signatures = await this.signatures.listForMany(db, SignatureSubjectType.DocumentVersion, ids);
    const files = await this.attachments.listMany(db, VERSION_ATTACHMENTS, ids);
    const comments = await this.versions.commentsOf(db, ids);
    const contents = await this.content.statesOf(
      db,
      files.map((f) => f.storageKey),
    );
    return versions.map((v) =>
      toVersionView(
        v,
        files.filter((f) => f.subjectId === v.id),
        signatures.filter((s) => s.subjectId === v.id),
        comments.filter((c) => c.versionId === v.id),
        contents,
      ),
    );
  }

  async get(actor: Actor, documentId: string, versionId: string): Promise<VersionView> {
    const { version } = await this.finder.version(this.tx.db, actor, documentId, versionId);
    return this.view(this.tx.db, version);
  }

  /**
   * A new draft from the version in force (or the one issued for a later date): same content, files copied by reference (immutable
   * keys, no bytes re-uploaded). Only one draft or in-flight version per document.
   */
  async createFromEffective(actor: Actor, documentId: string): Promise<VersionView> {
    // Two concurrent requests queue on the document's row lock; the partial unique index is the backstop.
    return this.tx.run(async (db) => {
      const { document } = await this.finder.document(db, actor, documentId, true);
      if (!actsInAgency(actor, document.agencyId)) throw new DomainException(ErrorCode.DocumentNotFound);
      const inFlight = await this.versions.findByStates(db, documentId, [
        VersionState.Draft,
        VersionState.InReview,
        VersionState.AwaitingApproval,
      ]);
      if (inFlight.length)
        throw new DomainException(ErrorCode.DocumentVersionInFlight, { versionId: inFlight[0].id });
      // The newest issued content: the version waiting for its date when there is one.
      const baseId =
        document.status === 'active' ? (document.scheduledVersionId ?? document.currentVersionId) : null;
      const effective = baseId ? await this.versions.findById(db, baseId) : null;
      if (!effective || ![VersionState.Effective, VersionState.Scheduled].includes(effective.state)) {
        throw new DomainException(ErrorCode.DocumentNoEffectiveVersion);
      }
      const now = this.clock.now();
      const draft = newDraft(effective, {
        revision: (await this.versions.maxRevision(db, documentId)) + 1,
        authorId: actor.userId,
        changeSummary: null,
        basedOnVersionId: effective.id,
        now,
      });
      await this.versions.insert(db, draft);
      const copied = await this.attachments.copy(
        db,
        actor,
        versionFiles(effective.id),
        versionFiles(draft.id),
      );
      await this.auditTrail.record(db, actor, {
        agencyId: document.agencyId,
        entityType: 'document_version',
        entityId: draft.id,
        action: 'document_version.created',
        after: { documentId, revision: draft.revision, basedOn: effective.id, files: copied.length },
      });
      return this.view(db, draft);
    });
  }

  /** Drafts are editable, by their author or the ISO secretary, under If-Match. */
  async editDraft(
    actor: Actor,
    documentId: string,
    versionId: string,
    expectedVersion: number,
    input: EditDraftInput,
  ): Promise<VersionView> {
    return this.tx.run(async (db) => {
      const { document, version } = await this.finder.version(db, actor, documentId, versionId, {
        lock: true,
      });
      assertCanEditDraft(actor, document.agencyId, version);
      assertVersion(version, expectedVersion);
      const before = {
        title: version.title,
        changeSummary: version.changeSummary,
        isoClauses: version.isoClauses,
        tthcCodes: version.tthcCodes,
        external: externalSourceOf(version),
      };
      if (input.external !== undefined) {
        const today = todayInVietnam(this.clock.now());
        Object.assign(
          version,
          toExternalColumns(resolveExternalSource(document.type, before.external, input.external, today)),
        );
      }
      if (input.title !== undefined) version.title = input.title.trim();
      if (input.changeSummary !== undefined) version.changeSummary = input.changeSummary;
      if (input.isoClauses !== undefined) version.isoClauses = input.isoClauses;
      if (input.tthcCodes !== undefined) version.tthcCodes = input.tthcCodes;
      await this.versions.save(db, version);
      await this.auditTrail.record(db, actor, {
        agencyId: document.agencyId,
        entityType: 'document_version',
        entityId: version.id,
        action: 'document_version.edited',
        before,
        after: {
          title: version.title,
          changeSummary: version.changeSummary,
          isoClauses: version.isoClauses,
          tthcCodes: version.tthcCodes,
          external: externalSourceOf(version),
        },
      });
      return this.view(db, version);
    });
  }

  async view(db: Db, version: DocumentVersionEntity): Promise<VersionView> {
    const files = await this.attachments.list(db, versionFiles(version.id));
    return toVersionView(
      version,
      files,
      await this.signatures.listFor(db, versionSubject(version.id)),
      await this.versions.comments(db, version.id),
      await this.content.statesOf(
        db,
        files.map((f) => f.storageKey),
      ),
    );
  }
}

/** Only a draft, in one's own agency, by its author or the agency's ISO secretary. */
export function assertCanEditDraft(actor: Actor, agencyId: string, version: DocumentVersionEntity): void {
  if (!actsInAgency(actor, agencyId)) throw new DomainException(ErrorCode.DocumentNotFound);
  if (!isEditable(version.state)) {
    throw new DomainException(ErrorCode.DocumentVersionNotEditable, { state: version.state });
  }
  if (version.authorId !== actor.userId && !actor.roles.includes(Role.IsoSecretary)) {
    throw new DomainException(ErrorCode.DocumentNotAuthor);
  }
}
