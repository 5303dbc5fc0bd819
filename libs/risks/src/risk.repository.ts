import { Injectable } from '@nestjs/common';
import { bumpVersion, Db, escapeLike, findOneForUpdate } from '@eiso/database';
import { RiskAssessmentEntity } from './risk-assessment.entity';
import { RiskContext, RiskKind, RiskLevel, RiskState } from './risk-state';
import { RiskStateChangeEntity } from './risk-state-change.entity';
import { RiskEntity } from './risk.entity';

export interface RiskListFilter {
  agencyId: string;
  kind?: RiskKind;
  level?: RiskLevel;
  state?: RiskState;
  context?: RiskContext;
  ownerOrgUnitId?: string;
  likelihood?: number;
  impact?: number;
  /** Open with a review date today or past. */
  reviewDue?: boolean;
  q?: string;
}

export type RiskSortField = 'code' | 'score' | 'reviewDate' | 'createdAt';

const SORT_COLUMNS: Record<RiskSortField, string[]> = {
  code: ['r.kind', 'r.serial'],
  score: ['r.score', 'r.likelihood'],
  reviewDate: ['r.review_date'],
  createdAt: ['r.created_at'],
};

/** The code as SQL text (RR-001 / CH-001), for the search. */
const CODE_SQL = `(CASE r.kind WHEN 'risk' THEN 'RR-' ELSE 'CH-' END || lpad(r.serial::text, 3, '0'))`;

/** The window's ends as instants: the start of `from` and the end of `to`, Vietnam days. */
const WINDOW_SQL = `
  w AS (SELECT ($2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AS since,
               (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AS until)`;

export interface OpenAtRow {
  id: string;
  kind: RiskKind;
  serial: number;
  description: string;
  owner_org_unit_id: string;
  treatment: string;
  score: number;
  level: RiskLevel;
}

export interface ReassessmentRow {
  risk_id: string;
  kind: RiskKind;
  serial: number;
  description: string;
  assessed_at: Date;
  from_score: number;
  to_score: number;
  from_level: RiskLevel;
  to_level: RiskLevel;
}

export interface DueRiskRow {
  id: string;
  agencyId: string;
  kind: RiskKind;
  serial: number;
  description: string;
  ownerOrgUnitId: string;
  ownerUserId: string | null;
  reviewDate: string;
  score: number;
  level: RiskLevel;
}

@Injectable()
export class RiskRepository {
  async insert(db: Db, risk: RiskEntity): Promise<void> {
    await db.getRepository(RiskEntity).insert(risk);
  }

  /**
   * The next serial of the agency's sequence of this kind; serialized per (agency, kind) until the
   * transaction ends, so parallel creations take distinct codes.
   */
  async nextSerial(db: Db, agencyId: string, kind: RiskKind): Promise<number> {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('risk-code:' || $1 || ':' || $2))`, [
      agencyId,
      kind,
    ]);
    const rows: { n: number }[] = await db.query(
      'SELECT coalesce(max(serial), 0)::int + 1 AS n FROM risk WHERE agency_id = $1 AND kind = $2',
      [agencyId, kind],
    );
    return rows[0].n;
  }

  findById(db: Db, id: string): Promise<RiskEntity | null> {
    return db.getRepository(RiskEntity).findOneBy({ id });
  }

  findByIdForUpdate(db: Db, id: string): Promise<RiskEntity | null> {
    return findOneForUpdate(db, RiskEntity, { id }, 'for_no_key_update');
  }

  /** Writes the risk and bumps its row version; the caller holds the row lock. */
  async save(db: Db, risk: RiskEntity, now: Date): Promise<void> {
    bumpVersion(risk, now);
    await db.getRepository(RiskEntity).save(risk);
  }

  async insertAssessment(
    db: Db,
    assessment: Omit<RiskAssessmentEntity, 'position'>,
  ): Promise<RiskAssessmentEntity> {
    const rows: { n: number }[] = await db.query(
      'SELECT coalesce(max(position), 0)::int + 1 AS n FROM risk_assessment WHERE risk_id = $1',
      [assessment.riskId],
    );
    const row = { ...assessment, position: rows[0].n };
    await db.getRepository(RiskAssessmentEntity).insert(row);
    return row;
  }

  async insertStateChange(db: Db, change: Omit<RiskStateChangeEntity, 'position'>): Promise<void> {
    const rows: { n: number }[] = await db.query(
      'SELECT coalesce(max(position), 0)::int + 1 AS n FROM risk_state_change WHERE risk_id = $1',
      [change.riskId],
    );
    await db.getRepository(RiskStateChangeEntity).insert({ ...change, position: rows[0].n });
  }

  assessmentsOf(db: Db, riskId: string): Promise<RiskAssessmentEntity[]> {
    return db.getRepository(RiskAssessmentEntity).find({ where: { riskId }, order: { position: 'ASC' } });
  }

  stateChangesOf(db: Db, riskId: string): Promise<RiskStateChangeEntity[]> {
    return db.getRepository(RiskStateChangeEntity).find({ where: { riskId }, order: { position: 'ASC' } });
  }

  /** Codes and descriptions of risks, for the audit trail's subjects. */
  namesOf(
    db: Db,
    ids: string[],
  ): Promise<{ id: string; kind: RiskKind; serial: number; description: string }[]> {
    return db.query('SELECT id, kind, serial, description FROM risk WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** A page of the agency's risks (one query + count). */
  async findPage(
    db: Db,
    filter: RiskListFilter,
    sort: { field: RiskSortField; direction: 'ASC' | 'DESC' },
    offset: number,
    limit: number,
    today: string,
  ): Promise<[RiskEntity[], number]> {
    const { whereSql, params } = listWhere(filter, today);
    const dir = sort.direction === 'ASC' ? 'ASC' : 'DESC';
    const order = SORT_COLUMNS[sort.field].map((c) => `${c} ${dir}`).join(', ');
    const countRows: { total: number }[] = await db.query(
      `SELECT count(*)::int AS total FROM risk r WHERE ${whereSql}`,
      params,
    );
    const n = params.length;
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT r.*, r.review_date::text AS review_date_text FROM risk r
        WHERE ${whereSql}
        ORDER BY ${order}, r.kind ASC, r.serial ASC
        OFFSET $${n + 1} LIMIT $${n + 2}`,
      [...params, offset, limit],
    );
    return [rows.map(fromRow), countRows[0].total];
  }

  /** Open items by likelihood and impact, in one grouped statement. */
  heatMap(
    db: Db,
    agencyId: string,
    kind: RiskKind | null,
  ): Promise<{ likelihood: number; impact: number; count: number }[]> {
    return db.query(
      `SELECT likelihood, impact, count(*)::int AS count FROM risk
        WHERE agency_id = $1 AND state = 'open' AND ($2::text IS NULL OR kind = $2)
        GROUP BY likelihood, impact`,
      [agencyId, kind],
    );
  }

  /** The register's rows: every risk and opportunity of the agency (filters as the list). */
  async registerRows(db: Db, filter: RiskListFilter, today: string): Promise<RiskEntity[]> {
    const { whereSql, params } = listWhere(filter, today);
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT r.*, r.review_date::text AS review_date_text FROM risk r
        WHERE ${whereSql}
        ORDER BY r.kind DESC, r.serial ASC`,
      params,
    );
    return rows.map(fromRow);
  }

  /**
   * Items open at the end of `to` (created by then, and not closed by then by the latest closing or
   * reopening before that instant), with the assessment in force at that instant.
   */
  openAt(db: Db, agencyId: string, from: string, to: string): Promise<OpenAtRow[]> {
    return db.query(
      `WITH ${WINDOW_SQL}
       SELECT r.id, r.kind, r.serial, r.description, r.owner_org_unit_id, r.treatment, a.score, a.level
         FROM risk r CROSS JOIN w
         JOIN LATERAL (
           SELECT x.score, x.level FROM risk_assessment x
            WHERE x.risk_id = r.id AND x.assessed_at < w.until
            ORDER BY x.position DESC LIMIT 1) a ON true
        WHERE r.agency_id = $1 AND r.created_at < w.until
          AND coalesce((SELECT c.to_state FROM risk_state_change c
                         WHERE c.risk_id = r.id AND c.changed_at < w.until
                         ORDER BY c.position DESC LIMIT 1), 'open') = 'open'
        ORDER BY a.score DESC, r.kind DESC, r.serial ASC`,
      [agencyId, from, to],
    );
  }

  /** Items created inside the window, and items closed inside it (each counted once). */
  async raisedAndClosed(
    db: Db,
    agencyId: string,
    from: string,
    to: string,
  ): Promise<{ raised: number; closed: number }> {
    const rows: { raised: number; closed: number }[] = await db.query(
      `WITH ${WINDOW_SQL}
       SELECT (SELECT count(*)::int FROM risk r
                WHERE r.agency_id = $1 AND r.created_at >= w.since AND r.created_at < w.until) AS raised,
              (SELECT count(DISTINCT c.risk_id)::int FROM risk_state_change c
                WHERE c.agency_id = $1 AND c.to_state = 'closed'
                  AND c.changed_at >= w.since AND c.changed_at < w.until) AS closed
         FROM w`,
      [agencyId, from, to],
    );
    return rows[0];
  }

  /** Re-assessments (not the first) made inside the window, with the one before each, oldest first. */
  reassessmentsIn(db: Db, agencyId: string, from: string, to: string): Promise<ReassessmentRow[]> {
    return db.query(
      `WITH ${WINDOW_SQL},
       h AS (
         SELECT x.risk_id, x.position, x.assessed_at, x.score, x.level,
                lag(x.score) OVER (PARTITION BY x.risk_id ORDER BY x.position) AS from_score,
                lag(x.level) OVER (PARTITION BY x.risk_id ORDER BY x.position) AS from_level
           FROM risk_assessment x WHERE x.agency_id = $1)
       SELECT h.risk_id, r.kind, r.serial, r.description, h.assessed_at,
              h.from_score, h.score AS to_score, h.from_level, h.level AS to_level
         FROM h CROSS JOIN w JOIN risk r ON r.id = h.risk_id
        WHERE h.position > 1 AND h.assessed_at >= w.since AND h.assessed_at < w.until
        ORDER BY h.assessed_at, r.kind DESC, r.serial, h.position`,
      [agencyId, from, to],
    );
  }

  /**
   * Open risks of every agency whose review date is today or past and not yet reminded of for that
   * review date: recorded in `risk_reminder` (ON CONFLICT DO NOTHING) and returned only when this
   * statement recorded them, so a rerun (or a racing run) sends nothing twice.
   */
  async claimReviewDue(db: Db, today: string, now: Date): Promise<DueRiskRow[]> {
    const rows: {
      id: string;
      agency_id: string;
      kind: RiskKind;
      serial: number;
      description: string;
      owner_org_unit_id: string;
      owner_user_id: string | null;
      review_date: string;
      score: number;
      level: RiskLevel;
    }[] = await db.query(
      `WITH due AS (
         SELECT r.id, r.agency_id, r.kind, r.serial, r.description, r.owner_org_unit_id, r.owner_user_id,
                r.review_date::text AS review_date, r.score, r.level
           FROM risk r
          WHERE r.state = 'open' AND r.review_date <= $1::date
       ), sent AS (
         INSERT INTO risk_reminder (risk_id, review_date, agency_id, sent_at)
         SELECT id, review_date::date, agency_id, $2::timestamptz FROM due
         ON CONFLICT DO NOTHING
         RETURNING risk_id
       )
       SELECT due.* FROM due JOIN sent ON sent.risk_id = due.id
        ORDER BY due.agency_id, due.review_date, due.kind DESC, due.serial`,
      [today, now],
    );
    return rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      kind: r.kind,
      serial: r.serial,
      description: r.description,
      ownerOrgUnitId: r.owner_org_unit_id,
      ownerUserId: r.owner_user_id,
      reviewDate: r.review_date,
      score: r.score,
      level: r.level,
    }));
  }
}

function listWhere(filter: RiskListFilter, today: string): { whereSql: string; params: unknown[] } {
  const where: string[] = ['r.agency_id = $1'];
  const params: unknown[] = [filter.agencyId];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.kind) add((p) => `r.kind = ${p}`, filter.kind);
  if (filter.level) add((p) => `r.level = ${p}`, filter.level);
  if (filter.state) add((p) => `r.state = ${p}`, filter.state);
  if (filter.context) add((p) => `r.context = ${p}`, filter.context);
  if (filter.ownerOrgUnitId) add((p) => `r.owner_org_unit_id = ${p}::uuid`, filter.ownerOrgUnitId);
  if (filter.likelihood) add((p) => `r.likelihood = ${p}::int`, filter.likelihood);
  if (filter.impact) add((p) => `r.impact = ${p}::int`, filter.impact);
  if (filter.reviewDue) add((p) => `r.state = 'open' AND r.review_date <= ${p}::date`, today);
  if (filter.q) {
    add(
      (p) =>
        `(eiso_fold(r.description) LIKE '%' || eiso_fold(${p}) || '%'
          OR eiso_fold(coalesce(r.context_note, '')) LIKE '%' || eiso_fold(${p}) || '%'
          OR eiso_fold(r.treatment) LIKE '%' || eiso_fold(${p}) || '%'
          OR ${CODE_SQL} ILIKE '%' || ${p} || '%')`,
      escapeLike(filter.q),
    );
  }
  return { whereSql: where.join(' AND '), params };
}

/** A raw `risk` row as the entity. */
export function fromRow(r: Record<string, unknown>): RiskEntity {
  return {
    id: r.id as string,
    agencyId: r.agency_id as string,
    kind: r.kind as RiskKind,
    serial: r.serial as number,
    context: r.context as RiskContext,
    contextNote: (r.context_note as string | null) ?? null,
    description: r.description as string,
    ownerOrgUnitId: r.owner_org_unit_id as string,
    ownerUserId: (r.owner_user_id as string | null) ?? null,
    likelihood: r.likelihood as number,
    impact: r.impact as number,
    score: r.score as number,
    level: r.level as RiskLevel,
    treatment: r.treatment as string,
    reviewDate: (r.review_date_text as string | undefined) ?? String(r.review_date),
    state: r.state as RiskState,
    closeReason: (r.close_reason as string | null) ?? null,
    closedAt: (r.closed_at as Date | null) ?? null,
    closedBy: (r.closed_by as string | null) ?? null,
    createdBy: r.created_by as string,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    version: r.version as number,
  };
}
