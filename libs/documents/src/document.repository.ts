import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '@eiso/database';
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
  ownerOrgUnit: string | null;
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

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

@Injectable()
export class DocumentRepository {
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
    return db
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .where('d.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async codeExists(db: Db, agencyId: string, code: string): Promise<boolean> {
    return db
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .where('d.agency_id = :agencyId AND lower(d.code) = lower(:code)', { agencyId, code })
      .getExists();
  }

  async save(db: Db, document: DocumentEntity): Promise<void> {
    document.updatedAt = new Date();
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

  /** Active users on a document's distribution list: listed directly or through their org unit. */
  async distributionUserIds(db: Db, documentId: string): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `SELECT DISTINCT u.id
         FROM document_distribution dd
         JOIN app_user u ON u.active AND (
              (dd.target_type = 'user' AND u.id = dd.target_id)
           OR (dd.target_type = 'org_unit' AND u.org_unit_id = dd.target_id))
        WHERE dd.document_id = $1`,
      [documentId],
    );
    return rows.map((r) => r.id);
  }

  async agencyName(db: Db, agencyId: string): Promise<string> {
    const rows: { name: string }[] = await db.query('SELECT name FROM agency WHERE id = $1', [agencyId]);
    return rows[0]?.name ?? '';
  }

  async userCard(db: Db, userId: string): Promise<{ fullName: string; position: string | null }> {
    const rows: { full_name: string; position: string | null }[] = await db.query(
      'SELECT full_name, position FROM app_user WHERE id = $1',
      [userId],
    );
    return { fullName: rows[0]?.full_name ?? '', position: rows[0]?.position ?? null };
  }

  /** Active users of an agency (optionally of one org unit) holding a role. */
  async usersWithRole(db: Db, agencyId: string, role: string, orgUnitId?: string): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `SELECT id FROM app_user WHERE active AND agency_id = $1 AND $2 = ANY(roles)
         AND ($3::uuid IS NULL OR org_unit_id = $3::uuid)`,
      [agencyId, role, orgUnitId ?? null],
    );
    return rows.map((r) => r.id);
  }

  async orgUnitsBelong(db: Db, agencyId: string, ids: string[]): Promise<boolean> {
    if (!ids.length) return true;
    const rows: { n: number }[] = await db.query(
      'SELECT count(*)::int AS n FROM org_unit WHERE agency_id = $1 AND id = ANY($2::uuid[])',
      [agencyId, ids],
    );
    return rows[0].n === new Set(ids).size;
  }

  async usersBelong(db: Db, agencyId: string, ids: string[]): Promise<boolean> {
    if (!ids.length) return true;
    const rows: { n: number }[] = await db.query(
      'SELECT count(*)::int AS n FROM app_user WHERE agency_id = $1 AND id = ANY($2::uuid[])',
      [agencyId, ids],
    );
    return rows[0].n === new Set(ids).size;
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
              v.effective_from::text AS effective_from, o.name AS owner,
              CASE WHEN v.state = 'effective' THEN d.next_review_date::text END AS next_review_date,
              v.issuing_body, v.number_symbol, v.issued_date::text AS issued_date,
              v.in_force_date::text AS in_force_date, v.storage_place
         FROM document d
         JOIN document_version v ON v.id IN (d.current_version_id, d.scheduled_version_id)
                                 AND v.state IN ('effective', 'scheduled')
         LEFT JOIN org_unit o ON o.id = d.owner_org_unit_id
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
      ownerOrgUnit: (r.owner as string | null) ?? null,
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
