import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '@eiso/common';
import { Db, escapeLike, findOneForUpdate } from '@eiso/database';
import { DocumentDistributionEntity } from './document-distribution.entity';
import { DocumentEntity } from './document.entity';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentType, VersionState } from './document-type';
import { documentWrite } from './document-unique-indexes';
import { ExternalSource, externalSourceOf } from './external-source';

export interface DocumentListFilter {
  agencyId: string | null;
  /** When set, only documents whose current version is in one of these states (issued-only readers). */
  visibleStates: readonly VersionState[] | null;
  type?: DocumentType;
  state?: VersionState;
  ownerOrgUnitId?: string;
  isoClause?: string;
  /** Review date on or before this calendar date. */
  reviewDueBy?: string;
  q?: string;
}

export interface RegisterRow {
  id: string;
  versionId: string;
  /** `effective`, or `scheduled` for a version issued for a later date (listed after it). */
  state: VersionState;
  code: string;
  title: string;
  type: DocumentType;
  issueNumber: number;
  effectiveFrom: string;
  ownerOrgUnitId: string | null;
  nextReviewDate: string | null;
  /** Null for every type but `external`. */
  external: ExternalSource | null;
}

export type DocumentSortField = 'code' | 'title' | 'updatedAt' | 'nextReviewDate';

const SORT_COLUMNS: Record<DocumentSortField, string> = {
  code: 'd.code',
  title: 'd.title',
  updatedAt: 'd.updated_at',
  nextReviewDate: 'd.next_review_date',
};

export interface DocumentRow {
  document: DocumentEntity;
  /** State of the version shown in lists: the latest one the reader may see. */
  latestState: VersionState;
  latestVersionId: string;
  /** That version's summary, read in the same query as the page (no query per row). */
  latestVersion: Pick<DocumentVersionEntity, 'id' | 'revision' | 'issueNumber' | 'state' | 'effectiveFrom'>;
}

/** What a list shows of each document's latest visible version (the `lv` lateral of findPage). */
const LATEST_VERSION_COLUMNS =
  'v.id, v.state, v.revision, v.issue_number, v.effective_from::text AS effective_from';

@Injectable()
export class DocumentRepository {
  constructor(private readonly clock: Clock) {}

  /**
   * Codes and titles of documents, for the audit trail's subjects: the title of the last issued
   * version, or the one given at creation (unknown ids are left out).
   */
  namesOf(db: Db, ids: string[]): Promise<{ id: string; code: string; title: string }[]> {
    return db.query(
      `SELECT d.id, d.code, COALESCE(v.title, d.title) AS title
         FROM document d LEFT JOIN document_version v ON v.id = d.current_version_id
        WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async insert(db: Db, document: DocumentEntity): Promise<void> {
    await documentWrite(() => db.getRepository(DocumentEntity).insert(document));
  }

  findById(db: Db, id: string): Promise<DocumentEntity | null> {
    return db.getRepository(DocumentEntity).findOneBy({ id });
  }

  /** Agency and issue count of many documents in one query (what decides who may know of them). */
  findVisibilityFacts(
    db: Db,
    ids: string[],
  ): Promise<Pick<DocumentEntity, 'id' | 'agencyId' | 'issueCount'>[]> {
    if (!ids.length) return Promise.resolve([]);
    return db
      .getRepository(DocumentEntity)
      .find({ select: { id: true, agencyId: true, issueCount: true }, where: { id: In(ids) } });
  }

  /** Serializes every transition of one document (issue, new version, withdraw). */
  findByIdForUpdate(db: Db, id: string): Promise<DocumentEntity | null> {
    return findOneForUpdate(db, DocumentEntity, { id });
  }

  async codeExists(db: Db, agencyId: string, code: string): Promise<boolean> {
    return db
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .where('d.agency_id = :agencyId AND lower(d.code) = lower(:code)', { agencyId, code })
      .getExists();
  }

  async save(db: Db, document: DocumentEntity): Promise<void> {
    document.updatedAt = this.clock.now();
    await documentWrite(() => db.getRepository(DocumentEntity).save(document));
  }

  async replaceDistribution(
    db: Db,
    documentId: string,
    targets: DocumentDistributionEntity[],
  ): Promise<void> {
    await db.getRepository(DocumentDistributionEntity).delete({ documentId });
    if (targets.length) await db.getRepository(DocumentDistributionEntity).insert(targets);
  }

  findDistribution(db: Db, documentId: string): Promise<DocumentDistributionEntity[]> {
    return db.getRepository(DocumentDistributionEntity).findBy({ documentId });
  }

  /** Who a document is distributed to: users by id, and org units (whose members it reaches). */
  async distributionTargets(
    db: Db,
    documentId: string,
  ): Promise<{ userIds: string[]; orgUnitIds: string[] }> {
    const targets = await this.findDistribution(db, documentId);
    return {
      userIds: targets.filter((t) => t.targetType === 'user').map((t) => t.targetId),
      orgUnitIds: targets.filter((t) => t.targetType === 'org_unit').map((t) => t.targetId),
    };
  }

  /**
   * Lists documents with the latest version the reader may see. Issued-only readers see a document
   * through its current (last issued) version; the drafting circle through its newest revision.
   */
  async findPage(
    db: Db,
    filter: DocumentListFilter,
    sort: { field: DocumentSortField; direction: 'ASC' | 'DESC' },
    offset: number,
    limit: number,
  ): Promise<[DocumentRow[], number]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const p = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const latest = filter.visibleStates
      ? `SELECT ${LATEST_VERSION_COLUMNS} FROM document_version v WHERE v.id = COALESCE(d.current_version_id, d.scheduled_version_id) AND v.state = ANY(${p(filter.visibleStates)}::text[])`
      : `SELECT ${LATEST_VERSION_COLUMNS} FROM document_version v WHERE v.document_id = d.id ORDER BY v.revision DESC LIMIT 1`;
    if (filter.agencyId) where.push(`d.agency_id = ${p(filter.agencyId)}`);
    if (filter.type) where.push(`d.type = ${p(filter.type)}`);
    if (filter.state) where.push(`lv.state = ${p(filter.state)}`);
    if (filter.ownerOrgUnitId) where.push(`d.owner_org_unit_id = ${p(filter.ownerOrgUnitId)}`);
    if (filter.isoClause) where.push(`${p(filter.isoClause)} = ANY(d.iso_clauses)`);
    if (filter.reviewDueBy) {
      where.push(
        `d.status = 'active' AND d.current_version_id IS NOT NULL AND d.next_review_date <= ${p(filter.reviewDueBy)}::date`,
      );
    }
    if (filter.q)
      where.push(
        `eiso_fold(d.code || ' ' || d.title) LIKE '%' || eiso_fold(${p(escapeLike(filter.q))}) || '%'`,
      );
    const from = `FROM document d CROSS JOIN LATERAL (${latest}) lv ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const [{ total }] = await db.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params);
    const rows = await db.query<Record<string, unknown>[]>(
      `SELECT d.id, lv.id AS latest_version_id, lv.state AS latest_state, lv.revision AS latest_revision,
              lv.issue_number AS latest_issue_number, lv.effective_from AS latest_effective_from ${from}
        ORDER BY ${SORT_COLUMNS[sort.field]} ${sort.direction} NULLS LAST, d.id
        LIMIT ${p(limit)} OFFSET ${p(offset)}`,
      params,
    );
    if (!rows.length) return [[], total];
    const documents = await db
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .whereInIds(rows.map((r) => r.id as string))
      .getMany();
    const byId = new Map(documents.map((d) => [d.id, d]));
    return [
      rows.map((r) => ({
        document: byId.get(r.id as string)!,
        latestState: r.latest_state as VersionState,
        latestVersionId: r.latest_version_id as string,
        latestVersion: {
          id: r.latest_version_id as string,
          revision: r.latest_revision as number,
          issueNumber: r.latest_issue_number as number | null,
          state: r.latest_state as VersionState,
          effectiveFrom: r.latest_effective_from as string | null,
        },
      })),
      total,
    ];
  }

  /**
   * Documents in force of an agency, by code: the internal or the external register. A version
   * issued for a later date is a line of its own after the one in force, with its state.
   */
  async register(db: Db, agencyId: string, external: boolean): Promise<RegisterRow[]> {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT d.id, v.id AS version_id, v.state, d.code, v.title, d.type, v.issue_number,
              v.effective_from::text AS effective_from, d.owner_org_unit_id,
              CASE WHEN v.state = 'effective' THEN d.next_review_date::text END AS next_review_date,
              v.issuing_body, v.number_symbol, v.issued_date::text AS issued_date,
              v.in_force_date::text AS in_force_date, v.storage_place
         FROM document d
         JOIN document_version v ON v.id IN (d.current_version_id, d.scheduled_version_id)
                                 AND v.state IN ('effective', 'scheduled')
        WHERE d.agency_id = $1 AND (d.type = 'external') = $2
        ORDER BY d.code, v.revision`,
      [agencyId, external],
    );
    return rows.map((r) => ({
      id: r.id as string,
      versionId: r.version_id as string,
      state: r.state as VersionState,
      code: r.code as string,
      title: r.title as string,
      type: r.type as DocumentType,
      issueNumber: r.issue_number as number,
      effectiveFrom: r.effective_from as string,
      ownerOrgUnitId: (r.owner_org_unit_id as string | null) ?? null,
      nextReviewDate: (r.next_review_date as string | null) ?? null,
      external: externalSourceOf({
        issuingBody: r.issuing_body as string | null,
        numberSymbol: r.number_symbol as string | null,
        issuedDate: r.issued_date as string | null,
        inForceDate: r.in_force_date as string | null,
        storagePlace: r.storage_place as string | null,
      }),
    }));
  }

  /** Issued documents whose review date is on or before `dueBy` (for the daily review-due job). */
  async findReviewDue(db: Db, dueBy: string): Promise<DocumentEntity[]> {
    return db
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .where(`d.status = 'active' AND d.current_version_id IS NOT NULL AND d.next_review_date <= :dueBy`, {
        dueBy,
      })
      .orderBy('d.next_review_date', 'ASC')
      .getMany();
  }
}
