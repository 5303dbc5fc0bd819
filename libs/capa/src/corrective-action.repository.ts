import { Injectable } from '@nestjs/common';
import { bumpVersion, Db, findOneForUpdate, mapUniqueViolation } from '@eiso/database';
import { ErrorCode } from '@eiso/common';
import { CorrectiveActionState, NonconformityState } from './capa-state';
import { CorrectiveActionTaskEntity } from './corrective-action-task.entity';
import { CorrectiveActionVerificationEntity } from './corrective-action-verification.entity';
import { CorrectiveActionEntity } from './corrective-action.entity';
import { NonconformityEntity } from './nonconformity.entity';

/** The one corrective action a nonconformity may have (uq_corrective_action_nonconformity). */
export const ONE_CORRECTIVE_ACTION_INDEX = 'uq_corrective_action_nonconformity';

/** The states the board lists in this order. */
const STATE_ORDER = [
  CorrectiveActionState.Open,
  CorrectiveActionState.Planned,
  CorrectiveActionState.InProgress,
  CorrectiveActionState.Verifying,
  CorrectiveActionState.Closed,
];

export interface CorrectiveActionListFilter {
  agencyId: string;
  /** Vietnam calendar date: actions due before it and not done are overdue. */
  today: string;
  state?: CorrectiveActionState;
  overdue?: boolean;
  ownerId?: string;
  verifierId?: string;
  nonconformityId?: string;
  orgUnitId?: string;
}

/** One row of the board: the corrective action, its nonconformity and its current round's counts. */
export interface CorrectiveActionBoardRow {
  action: CorrectiveActionEntity;
  nonconformity: {
    id: string;
    year: number;
    serial: number;
    title: string;
    severity: string;
    orgUnitId: string | null;
  };
  total: number;
  done: number;
  overdue: number;
  nextDue: string | null;
}

@Injectable()
export class CorrectiveActionRepository {
  findById(db: Db, id: string): Promise<CorrectiveActionEntity | null> {
    return db.getRepository(CorrectiveActionEntity).findOneBy({ id });
  }

  findByIdForUpdate(db: Db, id: string): Promise<CorrectiveActionEntity | null> {
    return findOneForUpdate(db, CorrectiveActionEntity, { id });
  }

  findByNonconformity(db: Db, nonconformityId: string): Promise<CorrectiveActionEntity | null> {
    return db.getRepository(CorrectiveActionEntity).findOneBy({ nonconformityId });
  }

  /** One corrective action per nonconformity: a second (even a racing one) answers 409. */
  async insert(db: Db, ca: CorrectiveActionEntity): Promise<void> {
    await mapUniqueViolation(() => db.getRepository(CorrectiveActionEntity).insert(ca), {
      [ONE_CORRECTIVE_ACTION_INDEX]: ErrorCode.CorrectiveActionExists,
    });
  }

  /** Writes the corrective action and bumps its row version; the caller holds the row lock. */
  async save(db: Db, ca: CorrectiveActionEntity, now: Date): Promise<void> {
    bumpVersion(ca, now);
    await db.getRepository(CorrectiveActionEntity).save(ca);
  }

  // --- the nonconformity (same domain) ---

  /** Read only: writers lock it through NonconformityFinder (one lock mode for the row). */
  nonconformity(db: Db, id: string): Promise<NonconformityEntity | null> {
    return db.getRepository(NonconformityEntity).findOneBy({ id });
  }

  /** The corrective action closed: its nonconformity closes with it, in the same transaction. */
  async closeNonconformity(db: Db, nonconformityId: string, now: Date): Promise<void> {
    await db.query(
      `UPDATE nonconformity
          SET state = $2, closed_at = $3, updated_at = $3, version = version + 1
        WHERE id = $1`,
      [nonconformityId, NonconformityState.Closed, now],
    );
  }

  // --- actions ---

  tasks(db: Db, correctiveActionId: string): Promise<CorrectiveActionTaskEntity[]> {
    return db
      .getRepository(CorrectiveActionTaskEntity)
      .find({ where: { correctiveActionId }, order: { round: 'ASC', position: 'ASC' } });
  }

  /** An action of this corrective action (locked when asked); null if it is not one of its actions. */
  task(
    db: Db,
    correctiveActionId: string,
    id: string,
    lock = false,
  ): Promise<CorrectiveActionTaskEntity | null> {
    return lock
      ? findOneForUpdate(db, CorrectiveActionTaskEntity, { id, correctiveActionId })
      : db.getRepository(CorrectiveActionTaskEntity).findOneBy({ id, correctiveActionId });
  }

  /** An action by id alone, with its corrective action (the files' subject). */
  taskById(db: Db, id: string): Promise<CorrectiveActionTaskEntity | null> {
    return db.getRepository(CorrectiveActionTaskEntity).findOneBy({ id });
  }

  /** Positions run across rounds (uq_corrective_action_task_position); the caller holds the parent's lock. */
  async nextPosition(db: Db, correctiveActionId: string): Promise<number> {
    const rows: { n: number }[] = await db.query(
      'SELECT coalesce(max(position), 0)::int + 1 AS n FROM corrective_action_task WHERE corrective_action_id = $1',
      [correctiveActionId],
    );
    return rows[0].n;
  }

  async insertTask(db: Db, task: CorrectiveActionTaskEntity): Promise<void> {
    await db.getRepository(CorrectiveActionTaskEntity).insert(task);
  }

  async saveTask(db: Db, task: CorrectiveActionTaskEntity, now: Date): Promise<void> {
    bumpVersion(task, now);
    await db.getRepository(CorrectiveActionTaskEntity).save(task);
  }

  async deleteTask(db: Db, id: string): Promise<void> {
    await db.getRepository(CorrectiveActionTaskEntity).delete({ id });
  }

  /** Descriptions of actions, for the audit trail's subjects (their files). */
  taskNamesOf(
    db: Db,
    ids: readonly string[],
  ): Promise<{ id: string; description: string; agency_id: string }[]> {
    return db.query(
      'SELECT id, description, agency_id FROM corrective_action_task WHERE id = ANY($1::uuid[])',
      [ids],
    );
  }

  // --- effectiveness checks ---

  verifications(db: Db, correctiveActionId: string): Promise<CorrectiveActionVerificationEntity[]> {
    return db
      .getRepository(CorrectiveActionVerificationEntity)
      .find({ where: { correctiveActionId }, order: { round: 'ASC' } });
  }

  async insertVerification(db: Db, v: CorrectiveActionVerificationEntity): Promise<void> {
    await db.getRepository(CorrectiveActionVerificationEntity).insert(v);
  }

  // --- the board ---

  /** A page of the board: one query for the rows and their counts, one for the total. */
  async findPage(
    db: Db,
    filter: CorrectiveActionListFilter,
    offset: number,
    limit: number,
  ): Promise<[CorrectiveActionBoardRow[], number]> {
    const params: unknown[] = [filter.agencyId, filter.today];
    const where = ['ca.agency_id = $1'];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.state) add((p) => `ca.state = ${p}`, filter.state);
    if (filter.verifierId) add((p) => `ca.verifier_id = ${p}`, filter.verifierId);
    if (filter.nonconformityId) add((p) => `ca.nonconformity_id = ${p}`, filter.nonconformityId);
    if (filter.orgUnitId) add((p) => `n.org_unit_id = ${p}`, filter.orgUnitId);
    if (filter.ownerId) {
      add(
        (p) => `EXISTS (SELECT 1 FROM corrective_action_task o
                         WHERE o.corrective_action_id = ca.id AND o.owner_id = ${p})`,
        filter.ownerId,
      );
    }
    if (filter.overdue !== undefined) {
      where.push(
        `${filter.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM corrective_action_task d
                 WHERE d.corrective_action_id = ca.id AND d.round = ca.round
                   AND d.done_on IS NULL AND d.due_date < $2::date)`,
      );
    }
    const from = `FROM corrective_action ca JOIN nonconformity n ON n.id = ca.nonconformity_id`;
    // $2 (today) is typed even when no filter reads it: an untyped parameter fails the statement.
    const condition = `${where.join(' AND ')} AND $2::date IS NOT NULL`;
    const counted: { total: number }[] = await db.query(
      `SELECT count(*)::int AS total ${from} WHERE ${condition}`,
      params,
    );
    const n = params.length;
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT ca.id, n.year AS nc_year, n.serial AS nc_serial, n.title AS nc_title, n.severity AS nc_severity,
              n.org_unit_id AS nc_org_unit_id, t.total, t.done, t.overdue, t.next_due
         ${from}
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS total, count(k.done_on)::int AS done,
                  count(*) FILTER (WHERE k.done_on IS NULL AND k.due_date < $2::date)::int AS overdue,
                  (min(k.due_date) FILTER (WHERE k.done_on IS NULL))::text AS next_due
             FROM corrective_action_task k
            WHERE k.corrective_action_id = ca.id AND k.round = ca.round) t
        WHERE ${condition}
        ORDER BY array_position($${n + 1}::text[], ca.state), n.year DESC, n.serial DESC, ca.id
        LIMIT $${n + 2} OFFSET $${n + 3}`,
      [...params, STATE_ORDER, limit, offset],
    );
    const entities = new Map(
      (rows.length
        ? await db.getRepository(CorrectiveActionEntity).findBy(rows.map((r) => ({ id: r.id as string })))
        : []
      ).map((e) => [e.id, e]),
    );
    return [
      rows.map((r) => ({
        action: entities.get(r.id as string)!,
        nonconformity: {
          id: entities.get(r.id as string)!.nonconformityId,
          year: r.nc_year as number,
          serial: r.nc_serial as number,
          title: r.nc_title as string,
          severity: r.nc_severity as string,
          orgUnitId: (r.nc_org_unit_id as string | null) ?? null,
        },
        total: r.total as number,
        done: r.done as number,
        overdue: r.overdue as number,
        nextDue: (r.next_due as string | null) ?? null,
      })),
      counted[0].total,
    ];
  }
}
