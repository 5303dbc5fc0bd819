import { Injectable } from '@nestjs/common';
import { addDays } from '@eiso/common';
import { Db } from '@eiso/database';
import { CapaDueKind, DUE_SOON_DAYS } from './capa-due.rules';

/** An action (corrective_action_task) that capa.due reminds of today, with what the text names. */
export interface DueActionRow {
  itemId: string;
  agencyId: string;
  correctiveActionId: string;
  description: string;
  ownerId: string;
  dueDate: string;
  serial: number;
  year: number;
  nonconformityTitle: string;
}

/** A corrective action whose effectiveness check falls due. */
export interface DueVerificationRow {
  itemId: string;
  agencyId: string;
  verifierId: string | null;
  verificationDue: string;
  round: number;
  serial: number;
  year: number;
  nonconformityTitle: string;
}

interface RawAction {
  item_id: string;
  agency_id: string;
  corrective_action_id: string;
  description: string;
  owner_id: string;
  due_date: string;
  serial: number;
  year: number;
  nc_title: string;
}

interface RawVerification {
  item_id: string;
  agency_id: string;
  verifier_id: string | null;
  verification_due: string;
  round: number;
  serial: number;
  year: number;
  nc_title: string;
}

/**
 * The reminders of capa.due, set-based: one statement per kind, over every agency, finds what is
 * due, records it in `capa_reminder` for today (ON CONFLICT DO NOTHING) and returns only the items
 * recorded by this statement, so that a rerun the same day (or a racing run) sends nothing twice.
 * The WHERE clauses are `actionReminderOn` and `verificationDueOn` of capa-due.rules, in SQL.
 */
@Injectable()
export class CapaReminderRepository {
  /**
   * Open actions of corrective actions in progress (owners report done only then) due between `from` and `to` (both included), not
   * yet reminded of since their window opened (DUE_SOON_DAYS before the due date): once per due date.
   */
  claimActionsDueBetween(
    db: Db,
    today: string,
    from: string,
    to: string,
    now: Date,
  ): Promise<DueActionRow[]> {
    return this.claimActions(db, 'action_due_soon', today, from, to, now);
  }

  /** Open actions of corrective actions in progress whose due date is before today. */
  claimActionsOverdue(db: Db, today: string, now: Date): Promise<DueActionRow[]> {
    return this.claimActions(db, 'action_overdue', today, null, addDays(today, -1), now);
  }

  /** Corrective actions in `verifying` whose check was due today or earlier. */
  async claimVerificationsDue(db: Db, today: string, now: Date): Promise<DueVerificationRow[]> {
    const rows: RawVerification[] = await db.query(
      `WITH due AS (
         SELECT ca.id AS item_id, ca.agency_id, ca.verifier_id, ca.verification_due::text AS verification_due,
                ca.round, n.serial, n.year, n.title AS nc_title
           FROM corrective_action ca
           JOIN nonconformity n ON n.id = ca.nonconformity_id
          WHERE ca.state = 'verifying' AND ca.verification_due <= $1::date
       ), sent AS (
         INSERT INTO capa_reminder (kind, item_id, day, agency_id, sent_at)
         SELECT 'verification_due', item_id, $1::date, agency_id, $2::timestamptz FROM due
         ON CONFLICT DO NOTHING
         RETURNING item_id
       )
       SELECT due.* FROM due JOIN sent USING (item_id)
        ORDER BY due.agency_id, due.verification_due, due.item_id`,
      [today, now],
    );
    return rows.map((r) => ({
      itemId: r.item_id,
      agencyId: r.agency_id,
      verifierId: r.verifier_id,
      verificationDue: r.verification_due,
      round: r.round,
      serial: r.serial,
      year: r.year,
      nonconformityTitle: r.nc_title,
    }));
  }

  private async claimActions(
    db: Db,
    kind: Extract<CapaDueKind, 'action_due_soon' | 'action_overdue'>,
    today: string,
    from: string | null,
    to: string,
    now: Date,
  ): Promise<DueActionRow[]> {
    const rows: RawAction[] = await db.query(
      `WITH due AS (
         SELECT t.id AS item_id, t.agency_id, t.corrective_action_id, t.description, t.owner_id,
                t.due_date::text AS due_date, n.serial, n.year, n.title AS nc_title
           FROM corrective_action_task t
           JOIN corrective_action ca ON ca.id = t.corrective_action_id
           JOIN nonconformity n ON n.id = ca.nonconformity_id
          WHERE t.done_on IS NULL AND ca.state = 'in_progress'
            AND ($2::date IS NULL OR t.due_date >= $2::date) AND t.due_date <= $3::date
            -- "Due soon" is said once per due date: not again if said since the window opened.
            AND ($4::text <> 'action_due_soon' OR NOT EXISTS (
                  SELECT 1 FROM capa_reminder r
                   WHERE r.kind = 'action_due_soon' AND r.item_id = t.id AND r.day >= t.due_date - $6::int))
       ), sent AS (
         INSERT INTO capa_reminder (kind, item_id, day, agency_id, sent_at)
         SELECT $4::text, item_id, $1::date, agency_id, $5::timestamptz FROM due
         ON CONFLICT DO NOTHING
         RETURNING item_id
       )
       SELECT due.* FROM due JOIN sent USING (item_id)
        ORDER BY due.agency_id, due.due_date, due.item_id`,
      [today, from, to, kind, now, DUE_SOON_DAYS],
    );
    return rows.map((r) => ({
      itemId: r.item_id,
      agencyId: r.agency_id,
      correctiveActionId: r.corrective_action_id,
      description: r.description,
      ownerId: r.owner_id,
      dueDate: r.due_date,
      serial: r.serial,
      year: r.year,
      nonconformityTitle: r.nc_title,
    }));
  }
}
