import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Management reviews (ISO 9001 9.3, DESIGN §7): the review of a period with its chair, attendees,
 * the inputs compiled from the other domains (JSONB, frozen when the meeting is held), the manual
 * inputs and conclusions, the signed minutes (a stored PDF), and the decisions and actions (9.3.3)
 * tracked until done. No foreign key into objectives or risks: the inputs are copies.
 */
export class ManagementReviews1764472000000 implements MigrationInterface {
  name = 'ManagementReviews1764472000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE management_review (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        year integer NOT NULL,
        serial integer NOT NULL,
        title text NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        meeting_date date NOT NULL,
        place text,
        chair_id uuid NOT NULL,
        attendee_ids uuid[] NOT NULL DEFAULT '{}',
        guests text[] NOT NULL DEFAULT '{}',
        state text NOT NULL DEFAULT 'planned',
        customer_feedback text,
        provider_performance text,
        resource_adequacy text,
        context_changes text,
        improvement_opportunities text,
        conclusion_suitability text,
        conclusion_adequacy text,
        conclusion_effectiveness text,
        present_ids uuid[] NOT NULL DEFAULT '{}',
        inputs jsonb NOT NULL,
        compiled_at timestamptz NOT NULL,
        held_at timestamptz,
        held_by uuid,
        signed_at timestamptz,
        minutes_key text,
        minutes_size integer,
        minutes_sha256 text,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_management_review PRIMARY KEY (id),
        CONSTRAINT fk_management_review_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_management_review_chair FOREIGN KEY (chair_id) REFERENCES app_user (id),
        CONSTRAINT fk_management_review_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
        CONSTRAINT fk_management_review_held_by FOREIGN KEY (held_by) REFERENCES app_user (id),
        CONSTRAINT ck_management_review_state CHECK (state IN ('planned', 'held', 'signed')),
        CONSTRAINT ck_management_review_period CHECK (period_from <= period_to),
        CONSTRAINT ck_management_review_year CHECK (year BETWEEN 2000 AND 2100),
        CONSTRAINT ck_management_review_minutes CHECK ((state = 'signed') = (minutes_key IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_management_review_number ON management_review (agency_id, year, serial)`,
    );
    await q.query(
      `CREATE INDEX ix_management_review_agency_period ON management_review (agency_id, period_to)`,
    );

    await q.query(`
      CREATE TABLE management_review_action (
        id uuid NOT NULL,
        review_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        position integer NOT NULL,
        kind text NOT NULL,
        description text NOT NULL,
        owner_id uuid NOT NULL,
        due_date date NOT NULL,
        state text NOT NULL DEFAULT 'open',
        done_on date,
        done_note text,
        done_by uuid,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_management_review_action PRIMARY KEY (id),
        CONSTRAINT fk_management_review_action_review FOREIGN KEY (review_id) REFERENCES management_review (id),
        CONSTRAINT fk_management_review_action_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_management_review_action_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
        CONSTRAINT fk_management_review_action_done_by FOREIGN KEY (done_by) REFERENCES app_user (id),
        CONSTRAINT fk_management_review_action_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
        CONSTRAINT ck_management_review_action_kind CHECK (kind IN ('improvement', 'qms_change', 'resources')),
        CONSTRAINT ck_management_review_action_state CHECK (state IN ('open', 'done')),
        CONSTRAINT ck_management_review_action_done CHECK ((state = 'done') = (done_on IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_management_review_action_position ON management_review_action (review_id, position)`,
    );
    await q.query(`CREATE INDEX ix_management_review_action_owner ON management_review_action (owner_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS management_review_action');
    await q.query('DROP TABLE IF EXISTS management_review');
  }
}
