import { Db } from '@eiso/database';
import { HEADLINE_OPTIONS, snippetParts } from './snippet';
import { anchorWord, SearchTerm, tsqueryExpression } from './search-query';
import type { SearchHitView } from './search.views';

/**
 * The SQL of the search, on the read models of the migration `file-content`
 * (`document_text_search`, `record_text_search`): the GIN index on the text finds the files,
 * `ts_rank_cd` (cover density: words close together first) orders them, and only the page's rows
 * are headlined, on a window of their text (ts_headline re-reads what it is given, the costly
 * part). The query is NOT MATERIALIZED so that the planner sees its terms: with an agency, it
 * starts from the agency's documents rather than from every match of the province.
 */
function binder() {
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  return { params, param };
}

/** Texts longer than this are headlined on a window of it around the query's anchor word. */
const EXCERPT_CHARS = 2_400;

/**
 * The part of a text ts_headline reads: all of a short one; of a long one, a window around the
 * first occurrence of the anchor word (found in the folded text: "quyet" finds "quyết"), or its
 * start. ts_headline parses every character it is given, and a 5-page text costs 5–8 ms a row.
 */
function excerpt(text: string, anchor: string): string {
  const folded = `lower(public.unaccent(translate(${text}, 'đĐ', 'dD')))`;
  const at = `coalesce(nullif(regexp_instr(${folded}, '\\m' || ${anchor}), 0), 1)`;
  return `CASE WHEN length(${text}) <= ${EXCERPT_CHARS} OR ${anchor} = '' THEN left(${text}, ${EXCERPT_CHARS})
               ELSE substr(${text}, greatest(1, ${at} - ${EXCERPT_CHARS / 3}), ${EXCERPT_CHARS}) END`;
}

/** The total rides on the page's rows; a page past the end counts on its own. */
async function totalOf(
  db: Db,
  rows: Record<string, unknown>[],
  offset: number,
  countSql: string,
  params: unknown[],
): Promise<number> {
  if (rows.length) return Number(rows[0].total);
  if (offset === 0) return 0;
  const [{ total }]: { total: number }[] = await db.query(countSql, params);
  return total;
}

export interface DocumentHitsFilter {
  /** null: every agency (the overseer, an admin). */
  agencyId: string | null;
  /** Readers outside the drafting circle find versions in force only. */
  issuedOnly: boolean;
  type: string | null;
  limit: number;
  offset: number;
}

type HitRow = Omit<SearchHitView, 'agencyName'>;

/** A statement of the search, and the one that counts its hits when the page is past the end. */
export interface SearchSql {
  sql: string;
  params: unknown[];
  countSql: string;
  countParams: unknown[];
}

/** The statement `documentHits` runs (exported for bench:search, which runs it straight through pg). */
export function documentHitsQuery(terms: readonly SearchTerm[], filter: DocumentHitsFilter): SearchSql {
  const { params, param } = binder();
  const where = [`s.tsv @@ q.query`];
  if (filter.agencyId) where.push(`s.agency_id = ${param(filter.agencyId)}`);
  // The drafting circle finds drafts and versions in force; superseded and withdrawn ones stay in
  // the document's history, not among what applies.
  where.push(filter.issuedOnly ? `s.state = 'effective'` : `s.state NOT IN ('superseded', 'obsolete')`);
  if (filter.type) where.push(`s.type = ${param(filter.type)}`);
  const query = tsqueryExpression(terms, param);
  const hits = `WITH q AS NOT MATERIALIZED (SELECT ${query} AS query),
     hits AS (
       -- A file kept by a draft and by the version in force is one hit: the newest version's.
       SELECT DISTINCT ON (s.document_id, s.source_key)
              s.document_id, s.version_id, s.agency_id, s.code, s.title, s.type, s.state, s.revision,
              s.issue_number, s.effective_from::text AS effective_from, s.file_id, s.file_name,
              s.media_type, s.source_key, ts_rank_cd(s.tsv, q.query) AS rank
         FROM document_text_search s, q
        WHERE ${where.join(' AND ')}
        ORDER BY s.document_id, s.source_key, s.revision DESC, s.file_id
     )`;
  const countParams = [...params];
  const sql = `${hits},
     page AS (
       SELECT h.*, count(*) OVER () AS total FROM hits h
        ORDER BY h.rank DESC, h.code, h.revision DESC, h.file_id
        LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}
     )
     SELECT p.*, ts_headline('eiso_vi', ${excerpt('t.text', param(anchorWord(terms) ?? ''))}, q.query, ${param(HEADLINE_OPTIONS)}) AS headline
       FROM page p
       CROSS JOIN q
       JOIN LATERAL (SELECT s.text FROM document_text_search s
                      WHERE s.source_key = p.source_key AND s.file_id = p.file_id) t ON true
      ORDER BY p.rank DESC, p.code, p.revision DESC, p.file_id`;
  return { sql, params, countSql: `${hits} SELECT count(*)::int AS total FROM hits`, countParams };
}

export async function documentHits(
  db: Db,
  terms: readonly SearchTerm[],
  filter: DocumentHitsFilter,
): Promise<{ rows: HitRow[]; total: number }> {
  const query = documentHitsQuery(terms, filter);
  const rows: Record<string, unknown>[] = await db.query(query.sql, query.params);
  return {
    total: await totalOf(db, rows, filter.offset, query.countSql, query.countParams),
    rows: rows.map((r) => ({
      scope: 'documents' as const,
      id: r.document_id as string,
      versionId: r.version_id as string,
      agencyId: r.agency_id as string,
      code: r.code as string,
      title: r.title as string,
      type: r.type as string,
      recordTypeId: null,
      state: r.state as string,
      revision: r.revision as number,
      issueNumber: (r.issue_number as number | null) ?? null,
      date: (r.effective_from as string | null) ?? null,
      file: { id: r.file_id as string, name: r.file_name as string, mediaType: r.media_type as string },
      snippet: snippetParts((r.headline as string | null) ?? ''),
      rank: Number(r.rank),
    })),
  };
}

export interface RecordHitsFilter {
  agencyId: string;
  recordTypeId: string | null;
  limit: number;
  offset: number;
}

/** The statement `recordHits` runs. */
export function recordHitsQuery(terms: readonly SearchTerm[], filter: RecordHitsFilter): SearchSql {
  const { params, param } = binder();
  const where = [`s.tsv @@ q.query`, `s.agency_id = ${param(filter.agencyId)}`];
  if (filter.recordTypeId) where.push(`s.record_type_id = ${param(filter.recordTypeId)}`);
  const query = tsqueryExpression(terms, param);
  const from = `WITH q AS NOT MATERIALIZED (SELECT ${query} AS query)`;
  const matches = `FROM record_text_search s, q WHERE ${where.join(' AND ')}`;
  const countParams = [...params];
  const sql = `${from},
     page AS (
       SELECT s.record_id, s.agency_id, s.record_type_id, s.title, s.reference,
              s.record_date::text AS record_date, s.state, s.file_id, s.file_name, s.media_type,
              s.source_key, ts_rank_cd(s.tsv, q.query) AS rank, count(*) OVER () AS total
         ${matches}
        ORDER BY rank DESC, s.record_date DESC, s.file_id
        LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}
     )
     SELECT p.*, ts_headline('eiso_vi', ${excerpt('t.text', param(anchorWord(terms) ?? ''))}, q.query, ${param(HEADLINE_OPTIONS)}) AS headline
       FROM page p
       CROSS JOIN q
       JOIN LATERAL (SELECT s.text FROM record_text_search s
                      WHERE s.source_key = p.source_key AND s.file_id = p.file_id) t ON true
      ORDER BY p.rank DESC, p.record_date DESC, p.file_id`;
  return { sql, params, countSql: `${from} SELECT count(*)::int AS total ${matches}`, countParams };
}

export async function recordHits(
  db: Db,
  terms: readonly SearchTerm[],
  filter: RecordHitsFilter,
): Promise<{ rows: HitRow[]; total: number }> {
  const query = recordHitsQuery(terms, filter);
  const rows: Record<string, unknown>[] = await db.query(query.sql, query.params);
  return {
    total: await totalOf(db, rows, filter.offset, query.countSql, query.countParams),
    rows: rows.map((r) => ({
      scope: 'records' as const,
      id: r.record_id as string,
      versionId: null,
      agencyId: r.agency_id as string,
      code: (r.reference as string | null) ?? null,
      title: r.title as string,
      type: null,
      recordTypeId: r.record_type_id as string,
      state: r.state as string,
      revision: null,
      issueNumber: null,
      date: r.record_date as string,
      file: { id: r.file_id as string, name: r.file_name as string, mediaType: r.media_type as string },
      snippet: snippetParts((r.headline as string | null) ?? ''),
      rank: Number(r.rank),
    })),
  };
}
