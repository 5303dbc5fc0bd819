/** The columns the board sorts by (a whitelist: they become SQL). */
export const OVERSIGHT_SORTS = [
  'name',
  'roadmapYear',
  'level',
  'declarationDate',
  'overdueCorrectiveActions',
] as const;
export type OversightSort = (typeof OVERSIGHT_SORTS)[number];

const SORT_SQL: Record<OversightSort, string> = {
  name: 'eiso_fold(name)',
  roadmapYear: 'roadmap_year',
  level: 'level',
  declarationDate: 'declaration_date',
  overdueCorrectiveActions: 'overdue_corrective_actions',
};

/** The read model's columns, its dates as `YYYY-MM-DD` text (as every date of the API). */
const COLUMNS = [
  'agency_id',
  'name',
  'code',
  'level',
  'parent_id',
  'parent_name',
  'roadmap_year',
  'status',
  'declaration_id',
  'declaration_number',
  'declaration_state',
  'declaration_date::text AS declaration_date',
  'documents_in_force',
  'overdue_reviews',
  'open_corrective_actions',
  'overdue_corrective_actions',
  'last_audit_on::text AS last_audit_on',
  'last_review_on::text AS last_review_on',
  'declared',
  'on_track',
].join(', ');

export interface OversightFilter {
  /** Agencies in this state; active ones by default. */
  status?: string;
  level?: string;
  roadmapYear?: number;
  parentId?: string;
  declared?: boolean;
  onTrack?: boolean;
  /** Part of the name or code, case- and accent-insensitive. */
  q?: string;
  sort?: OversightSort;
  order?: 'asc' | 'desc';
}

/**
 * The one statement of a page of the board: the read model `agency_oversight(as_of)` filtered,
 * sorted (then by name and id, so pages are stable) and cut, with the total of the filter in each
 * row (`total`). `limit` null returns every row (the annual report). Exported so that the
 * benchmark times the very SQL the API runs.
 */
export function oversightPageQuery(
  asOf: string,
  filter: OversightFilter,
  offset: number,
  limit: number | null,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [asOf];
  const where: string[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  where.push(`status = ${bind(filter.status ?? 'active')}`);
  if (filter.level !== undefined) where.push(`level = ${bind(filter.level)}`);
  if (filter.roadmapYear !== undefined) where.push(`roadmap_year = ${bind(filter.roadmapYear)}::int`);
  if (filter.parentId !== undefined) where.push(`parent_id = ${bind(filter.parentId)}::uuid`);
  if (filter.declared !== undefined) where.push(`declared = ${bind(filter.declared)}::boolean`);
  if (filter.onTrack !== undefined) where.push(`on_track = ${bind(filter.onTrack)}::boolean`);
  if (filter.q?.trim()) {
    // The user's % and _ are letters, not wildcards.
    const q = bind(`%${filter.q.trim().replace(/[\\%_]/g, '\\$&')}%`);
    where.push(
      `(eiso_fold(name) LIKE eiso_fold(${q}) ESCAPE '\\' OR eiso_fold(coalesce(code, '')) LIKE eiso_fold(${q}) ESCAPE '\\')`,
    );
  }
  const direction = filter.order === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS LAST';
  const sort = SORT_SQL[filter.sort ?? 'name'];
  const page = limit === null ? '' : ` LIMIT ${bind(limit)}::int OFFSET ${bind(offset)}::int`;
  return {
    sql:
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM agency_oversight($1::date) o` +
      ` WHERE ${where.join(' AND ')}` +
      ` ORDER BY ${sort} ${direction}, eiso_fold(name) ASC, agency_id ASC${page}`,
    params,
  };
}

/**
 * Counts by level and roadmap year on `as_of` of the active agencies on the roadmap: the figures
 * the province reports upward.
 */
export function oversightSummaryQuery(asOf: string): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT level, roadmap_year,
                 count(*)::int AS total,
                 count(*) FILTER (WHERE declared)::int AS declared,
                 count(*) FILTER (WHERE on_track)::int AS on_track,
                 count(*) FILTER (WHERE NOT on_track)::int AS late
            FROM agency_oversight($1::date)
           WHERE status = 'active' AND roadmap_year IS NOT NULL
           GROUP BY level, roadmap_year
           ORDER BY roadmap_year ASC NULLS LAST, level ASC`,
    params: [asOf],
  };
}
