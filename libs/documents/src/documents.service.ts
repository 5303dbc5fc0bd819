import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Actor,
  addDays,
  Clock,
  DomainException,
  ErrorCode,
  Page,
  PageRequest,
  todayInVietnam,
} from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { UserDirectory } from '@eiso/identity';
import { AgencyDirectory } from '@eiso/organizations';
import { SignatureSubjectType, SignaturesService } from '@eiso/signatures';
import { canSeeVersion, documentScope } from './document-access';
import { DocumentFinder } from './document-finder';
import { DocumentType, VersionState } from './document-type';
import { DocumentSortField, DocumentRepository } from './document.repository';
import { DocumentVersionRepository } from './document-version.repository';
import { DocumentView, toDocumentView, toVersionSummary } from './document.views';
import { DocumentEntity } from './document.entity';
import { newDraft } from './new-draft';
import { ExternalSourceInput, resolveExternalSource, toExternalColumns } from './external-source';

/** A document is "review due" from this many days before its review date (DESIGN §4). */
export const REVIEW_DUE_WINDOW_DAYS = 30;

export interface CreateDocumentInput {
  code: string;
  title: string;
  type: DocumentType;
  ownerOrgUnitId?: string | null;
  isoClauses?: string[];
  tthcCodes?: string[];
  reviewIntervalMonths?: number;
  distribution?: { orgUnitIds?: string[]; userIds?: string[] };
  /** Required for, and only for, the `external` type. */
  external?: ExternalSourceInput;
}

export interface ListDocumentsQuery extends PageRequest {
  type?: DocumentType;
  state?: VersionState;
  ownerOrgUnitId?: string;
  isoClause?: string;
  reviewDue?: boolean;
  q?: string;
  sort?: { field: DocumentSortField; direction: 'ASC' | 'DESC' };
}

export interface RevisionHistoryEntry {
  issueNumber: number;
  revision: number;
  versionId: string;
  state: VersionState;
  effectiveFrom: string | null;
  changeSummary: string | null;
  signers: { meaning: string; name: string; position: string | null; signedAt: string }[];
}

@Injectable()
export class DocumentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly versions: DocumentVersionRepository,
    private readonly finder: DocumentFinder,
    private readonly auditTrail: AuditTrailService,
    private readonly signatures: SignaturesService,
    private readonly users: UserDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly clock: Clock,
  ) {}

  /** Creates the document and its first draft (revision 1) in the actor's own agency. */
  async create(actor: Actor, input: CreateDocumentInput): Promise<DocumentView> {
    const agencyId = actor.agencyId;
    if (!agencyId) throw new DomainException(ErrorCode.Forbidden);
    // Input checks first: nothing is read before the request is known to make sense.
    const external = resolveExternalSource(
      input.type,
      null,
      input.external,
      todayInVietnam(this.clock.now()),
    );
    return this.tx.run(async (db) => {
      if (await this.documents.codeExists(db, agencyId, input.code))
        throw new DomainException(ErrorCode.DocumentCodeTaken);
      if (
        input.ownerOrgUnitId &&
        !(await this.agencies.orgUnitsBelong(agencyId, [input.ownerOrgUnitId], db))
      ) {
        throw new DomainException(ErrorCode.DocumentOrgUnitInvalid);
      }
      const orgUnitIds = input.distribution?.orgUnitIds ?? [];
      const userIds = input.distribution?.userIds ?? [];
      if (
        !(await this.agencies.orgUnitsBelong(agencyId, orgUnitIds, db)) ||
        !(await this.users.allBelong(agencyId, userIds, db))
      ) {
        throw new DomainException(ErrorCode.DocumentDistributionInvalid);
      }
      const now = this.clock.now();
      const document: DocumentEntity = {
        id: randomUUID(),
        agencyId,
        code: input.code.trim(),
        title: input.title.trim(),
        type: input.type,
        ownerOrgUnitId: input.ownerOrgUnitId ?? null,
        isoClauses: input.isoClauses ?? [],
        tthcCodes: input.tthcCodes ?? [],
        reviewIntervalMonths: input.reviewIntervalMonths ?? 12,
        nextReviewDate: null,
        currentVersionId: null,
        scheduledVersionId: null,
        issueCount: 0,
        status: 'active',
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.documents.insert(db, document);
      const version = newDraft(
        {
          documentId: document.id,
          agencyId,
          title: document.title,
          isoClauses: document.isoClauses,
          tthcCodes: document.tthcCodes,
          ...toExternalColumns(external),
        },
        {
          revision: 1,
          authorId: actor.userId,
          changeSummary: 'Ban hành lần đầu',
          basedOnVersionId: null,
          now,
        },
      );
      await this.versions.insert(db, version);
      const targets = [
        ...orgUnitIds.map((targetId) => ({
          documentId: document.id,
          targetType: 'org_unit' as const,
          targetId,
        })),
        ...userIds.map((targetId) => ({ documentId: document.id, targetType: 'user' as const, targetId })),
      ];
      await this.documents.replaceDistribution(db, document.id, dedupe(targets));
      await this.auditTrail.record(
        db,
        actor,
        {
          agencyId,
          entityType: 'document',
          entityId: document.id,
          action: 'document.created',
          after: {
            code: document.code,
            title: document.title,
            type: document.type,
            distribution: targets.length,
            ...(external ? { external } : {}),
          },
        },
        {
          agencyId,
          entityType: 'document_version',
          entityId: version.id,
          action: 'document_version.created',
          after: { documentId: document.id, revision: 1, state: version.state },
        },
      );
      return toDocumentView(document, toVersionSummary(version), this.reviewDueBy(), dedupe(targets));
    });
  }

  async get(actor: Actor, id: string): Promise<DocumentView> {
    const db = this.tx.db;
    const { document, scope } = await this.finder.document(db, actor, id);
    const visible = await this.versions.listByDocument(db, id, scope.states);
    const latest = visible.find((v) => canSeeVersion(scope, document.agencyId, v.state)) ?? null;
    const distribution = await this.documents.findDistribution(db, id);
    return toDocumentView(
      document,
      latest ? toVersionSummary(latest) : null,
      this.reviewDueBy(),
      distribution,
    );
  }

  async list(actor: Actor, query: ListDocumentsQuery): Promise<Page<DocumentView>> {
    const scope = documentScope(actor);
    if (!scope) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const [rows, total] = await this.documents.findPage(
      this.tx.db,
      {
        agencyId: scope.agencyId,
        visibleStates: scope.states,
        type: query.type,
        state: query.state,
        ownerOrgUnitId: query.ownerOrgUnitId,
        isoClause: query.isoClause,
        reviewDueBy: query.reviewDue ? this.reviewDueBy() : undefined,
        q: query.q,
      },
      query.sort ?? { field: 'code', direction: 'ASC' },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    const dueBy = this.reviewDueBy();
    return {
      items: rows.map((r) => toDocumentView(r.document, toVersionSummary(r.latestVersion), dueBy)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Bảng theo dõi sửa đổi: one line per issue, derived from the versions and their signatures. */
  async revisionHistory(actor: Actor, id: string): Promise<RevisionHistoryEntry[]> {
    const db = this.tx.db;
    await this.finder.document(db, actor, id);
    const issued = (await this.versions.listByDocument(db, id, null)).filter((v) => v.issueNumber !== null);
    const signatures = await this.signatures.listForMany(
      db,
      SignatureSubjectType.DocumentVersion,
      issued.map((v) => v.id),
    );
    return issued
      .sort((a, b) => (a.issueNumber ?? 0) - (b.issueNumber ?? 0))
      .map((v) => ({
        issueNumber: v.issueNumber!,
        revision: v.revision,
        versionId: v.id,
        state: v.state,
        effectiveFrom: v.effectiveFrom,
        changeSummary: v.changeSummary,
        signers: signatures
          .filter((s) => s.subjectId === v.id)
          .map((s) => ({
            meaning: s.meaning,
            name: s.signerName,
            position: s.signerPosition,
            signedAt: s.signedAt.toISOString(),
          })),
      }));
  }

  /** Documents whose review date falls within the window are flagged `reviewDue`. */
  reviewDueBy(): string {
    return addDays(todayInVietnam(this.clock.now()), REVIEW_DUE_WINDOW_DAYS);
  }
}

function dedupe<T extends { targetType: string; targetId: string }>(targets: T[]): T[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.targetType}:${t.targetId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
