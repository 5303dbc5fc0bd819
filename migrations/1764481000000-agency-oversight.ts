import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The province's read model of every agency (DESIGN §8, §13 "Oversight"): one row per agency with
 * its declaration in force on `as_of`, documents in force, overdue periodic reviews, open and
 * overdue corrective actions, last closed audit, last held review and whether it is on track with
 * its roadmap year (null for an agency not on the roadmap). A SQL function of the schema, not a query of one domain: it reads the tables
 * of organizations, documents, capa, audits, management reviews and conformity in one statement,
 * so the oversight page is one query whatever the number of agencies; the counts are grouped
 * joins over all agencies (one pass over each table), not a lookup per agency. A migration that changes
 * what it reads replaces it. LANGUAGE sql and STABLE, so the planner inlines it and the caller's
 * filters, order and limit apply inside.
 */
export class AgencyOversight1764481000000 implements MigrationInterface {
  name = 'AgencyOversight1764481000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION agency_oversight(as_of date)
      RETURNS TABLE (
        agency_id uuid,
        name text,
        code text,
        level text,
        parent_id uuid,
        parent_name text,
        roadmap_year integer,
        status text,
        declaration_id uuid,
        declaration_number text,
        declaration_state text,
        declaration_date date,
        documents_in_force integer,
        overdue_reviews integer,
        open_corrective_actions integer,
        overdue_corrective_actions integer,
        last_audit_on date,
        last_review_on date,
        declared boolean,
        on_track boolean
      )
      LANGUAGE sql STABLE AS $fn$
        SELECT ag.id, ag.name, ag.code, ag.level, ag.parent_id, p.name, ag.roadmap_year, ag.status,
               d.id, d.number, d.state, d.decision_date,
               coalesce(doc.in_force, 0)::int, coalesce(doc.overdue, 0)::int,
               coalesce(ca.open, 0)::int, coalesce(ca.overdue, 0)::int,
               au.last_on, mr.last_on,
               d.id IS NOT NULL,
               CASE WHEN ag.roadmap_year IS NULL THEN NULL
                    ELSE (d.decision_date IS NOT NULL AND extract(year FROM d.decision_date)::int <= ag.roadmap_year)
                         OR extract(year FROM as_of)::int <= ag.roadmap_year END
          FROM agency ag
          LEFT JOIN agency p ON p.id = ag.parent_id
          LEFT JOIN LATERAL (
            SELECT cd.id, cd.number, cd.state, cd.decision_date
              FROM conformity_declaration cd
             WHERE cd.agency_id = ag.id AND cd.state <> 'draft' AND cd.decision_date <= as_of
             ORDER BY cd.decision_date DESC, cd.signed_at DESC
             LIMIT 1) d ON true
          LEFT JOIN (
            SELECT dd.agency_id, count(*) AS in_force,
                   count(*) FILTER (WHERE dd.next_review_date < as_of) AS overdue
              FROM document dd JOIN document_version v ON v.id = dd.current_version_id
             WHERE dd.status = 'active' AND v.state = 'effective'
             GROUP BY dd.agency_id) doc ON doc.agency_id = ag.id
          LEFT JOIN (
            SELECT c.agency_id, count(*) AS open, count(*) FILTER (WHERE late.action_id IS NOT NULL) AS overdue
              FROM corrective_action c
              LEFT JOIN (
                SELECT DISTINCT t.corrective_action_id AS action_id, t.round
                  FROM corrective_action_task t
                 WHERE t.done_on IS NULL AND t.due_date < as_of) late
                ON late.action_id = c.id AND late.round = c.round
             WHERE c.state <> 'closed'
             GROUP BY c.agency_id) ca ON ca.agency_id = ag.id
          LEFT JOIN LATERAL (
            SELECT max((a.closed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS last_on
              FROM audit a WHERE a.agency_id = ag.id AND a.state = 'closed') au ON true
          LEFT JOIN LATERAL (
            SELECT max(r.meeting_date) AS last_on
              FROM management_review r WHERE r.agency_id = ag.id AND r.state IN ('held', 'signed')) mr ON true
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION agency_oversight(date)`);
  }
}
