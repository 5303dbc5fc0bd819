import { Injectable } from '@nestjs/common';
import { bumpVersion, Db, escapeLike, findOneForUpdate } from '@eiso/database';
import {
  CorrectiveActionState,
  NonconformitySeverity,
  NonconformitySource,
  NonconformityState,
} from './capa-state';
import { NonconformityEntity } from './nonconformity.entity';

export interface NonconformityListFilter {
  agencyId: string;
  source?: NonconformitySource;
  severity?: NonconformitySeverity;
  state?: NonconformityState;
  clause?: string;
  orgUnitId?: string;
  year?: number;
  auditId?: string;
  q?: string;
}

export type NonconformitySortField = 'number' | 'detectedOn' | 'title' | 'createdAt';

const SORT_COLUMNS: Record<NonconformitySortField, string[]> = {
  number: ['n.year', 'n.serial'],
  detectedOn: ['n.detected_on'],
  title: ['n.title'],
  createdAt: ['n.created_at'],
};

/** A nonconformity with its corrective action's id and state and whether an open task is overdue. */
export interface NonconformityListRow {
  nc: NonconformityEntity;
  correctiveActionId: string | null;
  correctiveActionState: CorrectiveActionState | null;
  overdue: boolean;
}

export interface RegisterRow {
  nc: NonconformityEntity;
  action: {
    id: string;
    state: CorrectiveActionState;
    rootCause: string | null;
    correction: string | null;
    verifierId: string | null;
  } | null;
}

export interface RegisterTaskRow {
  corrective_action_id: string;
  round: number;
  position: number;
  description: string;
  owner_id: string;
  due_date: string;
  done_on: string | null;
}

export interface RegisterVerificationRow {
  corrective_action_id: string;
  round: number;
  verifier_id: string;
  effective: boolean;
  reason: string;
  verified_at: Date;
}

/** One group of the summary: `dim` names the dimension, its column holds the group's value. */
export interface SummaryGroupRow {
  dim: 'clause' | 'org_unit' | 'source' | 'severity' | 'state' | 'action_state' | 'total';
  edition: string | null;
  clause: string | null;
  org_unit_id: string | null;
  source: NonconformitySource | null;
  severity: NonconformitySeverity | null;
  state: NonconformityState | null;
  action_state: CorrectiveActionState | 'none' | null;
  count: number;
}

@Injectable()
export class NonconformityRepository {
  async insert(db: Db, nc: NonconformityEntity): Promise<void> {
    await db.getRepository(NonconformityEntity).insert(nc);
  }

  /**
   * The next serial of the agency's year; serialized per (agency, year) until the transaction
   * ends, so parallel raises take distinct serials.
   */
  async nextSerial(db: Db, agencyId: string, year: number): Promise<number> {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('nonconformity-number:' || $1 || ':' || $2))`, [
      agencyId,
      String(year),
    ]);
    const rows: { n: number }[] = await db.query(
      'SELECT coalesce(max(serial), 0)::int + 1 AS n FROM nonconformity WHERE agency_id = $1 AND year = $2',
      [agencyId, year],
    );
    return rows[0].n;
  }

  /** Serializes raises of one late dossier of the agency until the transaction ends. */
  async lockDossier(db: Db, agencyId: string, tthcCode: string, dossierNumber: string): Promise<void> {
    await db.query(
      `SELECT pg_advisory_xact_lock(hashtext('nonconformity-dossier:' || $1 || ':' || $2 || ':' || $3))`,
      [agencyId, tthcCode, dossierNumber],
    );
  }

  findById(db: Db, id: string): Promise<NonconformityEntity | null> {
    return db.getRepository(NonconformityEntity).findOneBy({ id });
  }

  /**
   * The row locked FOR NO KEY UPDATE: writers of the nonconformity (edits, opening its corrective
   * action) wait for each other, while rows referencing it keep their key-share checks.
   */
  findByIdForUpdate(db: Db, id: string): Promise<NonconformityEntity | null> {
    return findOneForUpdate(db, NonconformityEntity, { id }, 'for_no_key_update');
  }

  /** Writes the nonconformity and bumps its row version; the caller holds the row lock. */
  async save(db: Db, nc: NonconformityEntity, now: Date): Promise<void> {
    bumpVersion(nc, now);
    await db.getRepository(NonconformityEntity).save(nc);
  }

  /** The nonconformity already raised for a late dossier of the agency, if any. */
  findLateDossier(
    db: Db,
    agencyId: string,
    tthcCode: string,
    dossierNumber: string,
  ): Promise<NonconformityEntity | null> {
    return db.getRepository(NonconformityEntity).findOneBy({
      agencyId,
      source: NonconformitySource.LateDossier,
      tthcCode,
      dossierNumber,
    });
  }

  /** Nonconformities raised from these findings (one query). */
  async ofFindings(
    db: Db,
    findingIds: readonly string[],
  ): Promise<{ id: string; finding_id: string; serial: number; year: number }[]> {
    if (!findingIds.length) return [];
    return db.query(
      'SELECT id, finding_id, serial, year FROM nonconformity WHERE finding_id = ANY($1::uuid[])',
      [[...new Set(findingIds)]],
    );
  }

  /** Nonconformities of an audit whose corrective action is missing or not yet verifying/closed. */
  blockingAuditClose(
    db: Db,
    auditId: string,
  ): Promise<{ id: string; serial: number; year: number; state: string }[]> {
    return db.query(
      `SELECT n.id, n.serial, n.year, coalesce(ca.state, 'none') AS state
         FROM nonconformity n
         LEFT JOIN corrective_action ca ON ca.nonconformity_id = n.id
        WHERE n.audit_id = $1
          AND (ca.id IS NULL OR ca.state NOT IN ($2, $3))
        ORDER BY n.year, n.serial`,
      [auditId, CorrectiveActionState.Verifying, CorrectiveActionState.Closed],
    );
  }

  /** Numbers and titles of nonconformities, for the audit trail's subjects. */
  namesOf(db: Db, ids: string[]): Promise<{ id: string; serial: number; year: number; title: string }[]> {
    return db.query('SELECT id, serial, year, title FROM nonconformity WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Corrective actions by the number of their nonconformity, for the audit trail's subjects. */
  actionNamesOf(db: Db, ids: string[]): Promise<{ id: string; serial: number; year: number }[]> {
    return db.query(
      `SELECT ca.id, n.serial, n.year
         FROM corrective_action ca JOIN nonconformity n ON n.id = ca.nonconformity_id
        WHERE ca.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The corrective action of a nonconformity, if any: id and state (one query). */
  async actionOf(
    db: Db,
    nonconformityId: string,
    today: string,
  ): Promise<{ id: string | null; state: CorrectiveActionState | null; overdue: boolean }> {
    const rows: { id: string; state: CorrectiveActionState; overdue: boolean }[] = await db.query(
      `SELECT ca.id, ca.state,
              EXISTS (SELECT 1 FROM corrective_action_task t
                       WHERE t.corrective_action_id = ca.id AND t.done_on IS NULL AND t.due_date < $2::date
                         AND ca.state <> 'closed') AS overdue
         FROM corrective_action ca WHERE ca.nonconformity_id = $1`,
      [nonconformityId, today],
    );
    return rows[0] ?? { id: null, state: null, overdue: false };
  }

  /**
   * The summary's counts in one statement: the agency's nonconformities detected in [from, to]
   * grouped by each dimension at once (GROUPING SETS); `dim` says which one a row counts.
   */
  summaryGroups(db: Db, agencyId: string, from: string, to: string): Promise<SummaryGroupRow[]> {
    return db.query(
      `SELECT CASE
                WHEN GROUPING(n.clause_edition, n.clause) = 0 THEN 'clause'
                WHEN GROUPING(n.org_unit_id) = 0 THEN 'org_unit'
                WHEN GROUPING(n.source) = 0 THEN 'source'
                WHEN GROUPING(n.severity) = 0 THEN 'severity'
                WHEN GROUPING(n.state) = 0 THEN 'state'
                WHEN GROUPING(coalesce(ca.state, 'none')) = 0 THEN 'action_state'
                ELSE 'total' END AS dim,
              n.clause_edition AS edition, n.clause, n.org_unit_id, n.source, n.severity,
              n.state, coalesce(ca.state, 'none') AS action_state, count(*)::int AS count
         FROM nonconformity n
         LEFT JOIN corrective_action ca ON ca.nonconformity_id = n.id
        WHERE n.agency_id = $1 AND n.detected_on BETWEEN $2::date AND $3::date
        GROUP BY GROUPING SETS ((n.clause_edition, n.clause), (n.org_unit_id), (n.source), (n.severity),
                                (n.state), (coalesce(ca.state, 'none')), ())`,
      [agencyId, from, to],
    );
  }

  /**
   * Overdue actions (not done, past due, their corrective action not closed) of the window's
   * nonconformities, and the days from detection to closing of those closed (Vietnam dates).
   */
  async summaryTimes(
    db: Db,
    agencyId: string,
    from: string,
    to: string,
    today: string,
  ): Promise<{
    overdueActions: number;
    overdueNonconformities: number;
    closed: number;
    meanDays: number | null;
  }> {
    const rows: { overdue_actions: number; overdue_ncs: number; closed: number; mean_days: string | null }[] =
      await db.query(
        `WITH w AS (
           SELECT n.id, n.detected_on, n.closed_at FROM nonconformity n
            WHERE n.agency_id = $1 AND n.detected_on BETWEEN $2::date AND $3::date),
         late AS (
           SELECT t.id, ca.nonconformity_id FROM corrective_action_task t
             JOIN corrective_action ca ON ca.id = t.corrective_action_id
             JOIN w ON w.id = ca.nonconformity_id
            WHERE t.done_on IS NULL AND t.due_date < $4::date AND ca.state <> 'closed')
         SELECT (SELECT count(*)::int FROM late) AS overdue_actions,
                (SELECT count(DISTINCT nonconformity_id)::int FROM late) AS overdue_ncs,
                count(*) FILTER (WHERE w.closed_at IS NOT NULL)::int AS closed,
                round(avg(((w.closed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - w.detected_on))
                        FILTER (WHERE w.closed_at IS NOT NULL), 1)::text AS mean_days
           FROM w`,
        [agencyId, from, to, today],
      );
    const r = rows[0];
    return {
      overdueActions: r.overdue_actions,
      overdueNonconformities: r.overdue_ncs,
      closed: r.closed,
      meanDays: r.mean_days === null ? null : Number(r.mean_days),
    };
  }

  /** The register's rows: the agency's nonconformities of a year with their corrective action. */
  async registerRows(db: Db, agencyId: string, year: number): Promise<RegisterRow[]> {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT n.*, n.detected_on::text AS detected_on_text,
              ca.id AS ca_id, ca.state AS ca_state, ca.root_cause AS ca_root_cause,
              ca.correction AS ca_correction, ca.verifier_id AS ca_verifier_id
         FROM nonconformity n
         LEFT JOIN corrective_action ca ON ca.nonconformity_id = n.id
        WHERE n.agency_id = $1 AND n.year = $2
        ORDER BY n.serial`,
      [agencyId, year],
    );
    return rows.map((r) => ({
      nc: fromRow(r),
      action: r.ca_id
        ? {
            id: r.ca_id as string,
            state: r.ca_state as CorrectiveActionState,
            rootCause: (r.ca_root_cause as string | null) ?? null,
            correction: (r.ca_correction as string | null) ?? null,
            verifierId: (r.ca_verifier_id as string | null) ?? null,
          }
        : null,
    }));
  }

  /** The actions of these corrective actions, by round and position (one query). */
  async registerTasks(db: Db, actionIds: readonly string[]): Promise<RegisterTaskRow[]> {
    if (!actionIds.length) return [];
    return db.query(
      `SELECT corrective_action_id, round, position, description, owner_id,
              due_date::text AS due_date, done_on::text AS done_on
         FROM corrective_action_task
        WHERE corrective_action_id = ANY($1::uuid[])
        ORDER BY corrective_action_id, round, position`,
      [[...actionIds]],
    );
  }

  /** The effectiveness checks of these corrective actions, by round (one query). */
  async registerVerifications(db: Db, actionIds: readonly string[]): Promise<RegisterVerificationRow[]> {
    if (!actionIds.length) return [];
    return db.query(
      `SELECT corrective_action_id, round, verifier_id, effective, reason, verified_at
         FROM corrective_action_verification
        WHERE corrective_action_id = ANY($1::uuid[])
        ORDER BY corrective_action_id, round`,
      [[...actionIds]],
    );
  }

  /** A page of the agency's nonconformities with their corrective action (one query + count). */
  async findPage(
    db: Db,
    filter: NonconformityListFilter,
    sort: { field: NonconformitySortField; direction: 'ASC' | 'DESC' },
    offset: number,
    limit: number,
    today: string,
  ): Promise<[NonconformityListRow[], number]> {
    const where: string[] = ['n.agency_id = $1'];
    const params: unknown[] = [filter.agencyId];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.source) add((p) => `n.source = ${p}`, filter.source);
    if (filter.severity) add((p) => `n.severity = ${p}`, filter.severity);
    if (filter.state) add((p) => `n.state = ${p}`, filter.state);
    if (filter.clause) add((p) => `n.clause = ${p}`, filter.clause);
    if (filter.orgUnitId) add((p) => `n.org_unit_id = ${p}::uuid`, filter.orgUnitId);
    if (filter.year) add((p) => `n.year = ${p}::int`, filter.year);
    if (filter.auditId) add((p) => `n.audit_id = ${p}::uuid`, filter.auditId);
    if (filter.q) {
      add(
        (p) =>
          `(eiso_fold(n.title) LIKE '%' || eiso_fold(${p}) || '%'
            OR (lpad(n.serial::text, greatest(2, length(n.serial::text)), '0') || '/' || n.year::text) LIKE '%' || ${p} || '%')`,
        escapeLike(filter.q),
      );
    }
    const whereSql = where.join(' AND ');
    const dir = sort.direction === 'ASC' ? 'ASC' : 'DESC';
    const order = SORT_COLUMNS[sort.field].map((c) => `${c} ${dir}`).join(', ');
    const countRows: { total: number }[] = await db.query(
      `SELECT count(*)::int AS total FROM nonconformity n WHERE ${whereSql}`,
      params,
    );
    params.push(today, offset, limit);
    const n = params.length;
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT n.*, n.detected_on::text AS detected_on_text, ca.id AS ca_id, ca.state AS ca_state,
              (ca.id IS NOT NULL AND ca.state <> 'closed' AND EXISTS (
                 SELECT 1 FROM corrective_action_task t
                  WHERE t.corrective_action_id = ca.id AND t.done_on IS NULL
                    AND t.due_date < $${n - 2}::date)) AS overdue
         FROM nonconformity n
         LEFT JOIN corrective_action ca ON ca.nonconformity_id = n.id
        WHERE ${whereSql}
        ORDER BY ${order}, n.id ASC
        OFFSET $${n - 1} LIMIT $${n}`,
      params,
    );
    return [
      rows.map((r) => ({
        nc: fromRow(r),
        correctiveActionId: (r.ca_id as string | null) ?? null,
        correctiveActionState: (r.ca_state as CorrectiveActionState | null) ?? null,
        overdue: r.overdue === true,
      })),
      countRows[0].total,
    ];
  }
}

/** A raw `nonconformity` row as the entity. */
export function fromRow(r: Record<string, unknown>): NonconformityEntity {
  return {
    id: r.id as string,
    agencyId: r.agency_id as string,
    year: r.year as number,
    serial: r.serial as number,
    source: r.source as NonconformitySource,
    severity: r.severity as NonconformitySeverity,
    title: r.title as string,
    description: r.description as string,
    clause: (r.clause as string | null) ?? null,
    clauseEdition: (r.clause_edition as string | null) ?? null,
    orgUnitId: (r.org_unit_id as string | null) ?? null,
    detectedOn: (r.detected_on_text as string | undefined) ?? String(r.detected_on),
    detectedBy: r.detected_by as string,
    auditId: (r.audit_id as string | null) ?? null,
    findingId: (r.finding_id as string | null) ?? null,
    complaintRef: (r.complaint_ref as string | null) ?? null,
    complainant: (r.complainant as string | null) ?? null,
    tthcCode: (r.tthc_code as string | null) ?? null,
    dossierNumber: (r.dossier_number as string | null) ?? null,
    daysLate: (r.days_late as number | null) ?? null,
    managementReviewRef: (r.management_review_ref as string | null) ?? null,
    state: r.state as NonconformityState,
    closedAt: (r.closed_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    version: r.version as number,
  };
}
