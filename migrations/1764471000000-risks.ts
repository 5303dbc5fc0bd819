import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of risks and opportunities (DESIGN §7, ISO 9001 clause 6.1): each risk or
 * opportunity with its current likelihood × impact, the history of its assessments (the first one
 * at creation, then every re-assessment), the history of its closures and reopenings (so that a
 * past window is reproducible), and what the daily review reminder has sent.
 */
export class Risks1764471000000 implements MigrationInterface {
  name = 'Risks1764471000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE risk (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        kind text NOT NULL,
        serial integer NOT NULL,
        context text NOT NULL,
        context_note text,
        description text NOT NULL,
        owner_org_unit_id uuid NOT NULL,
        owner_user_id uuid,
        likelihood integer NOT NULL,
        impact integer NOT NULL,
        score integer NOT NULL,
        level text NOT NULL,
        treatment text NOT NULL,
        review_date date NOT NULL,
        state text NOT NULL DEFAULT 'open',
        close_reason text,
        closed_at timestamptz,
        closed_by uuid,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_risk PRIMARY KEY (id),
        CONSTRAINT fk_risk_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_risk_org_unit FOREIGN KEY (owner_org_unit_id) REFERENCES org_unit (id),
        CONSTRAINT fk_risk_owner_user FOREIGN KEY (owner_user_id) REFERENCES app_user (id),
        CONSTRAINT fk_risk_closed_by FOREIGN KEY (closed_by) REFERENCES app_user (id),
        CONSTRAINT fk_risk_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
        CONSTRAINT ck_risk_kind CHECK (kind IN ('risk', 'opportunity')),
        CONSTRAINT ck_risk_context CHECK (context IN ('internal_issue', 'external_issue', 'interested_party')),
        CONSTRAINT ck_risk_likelihood CHECK (likelihood BETWEEN 1 AND 5),
        CONSTRAINT ck_risk_impact CHECK (impact BETWEEN 1 AND 5),
        CONSTRAINT ck_risk_score CHECK (score = likelihood * impact),
        CONSTRAINT ck_risk_level CHECK (level IN ('low', 'medium', 'high')),
        CONSTRAINT ck_risk_state CHECK (state IN ('open', 'closed')),
        CONSTRAINT ck_risk_closed CHECK ((state = 'closed') = (closed_at IS NOT NULL))
      )`);
    // Codes RR-001 / CH-001: one sequence per agency and kind, never reused.
    await q.query(`CREATE UNIQUE INDEX uq_risk_agency_kind_serial ON risk (agency_id, kind, serial)`);
    await q.query(`CREATE INDEX ix_risk_agency_state ON risk (agency_id, state, review_date)`);

    await q.query(`
      CREATE TABLE risk_assessment (
        id uuid NOT NULL,
        risk_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        position integer NOT NULL,
        likelihood integer NOT NULL,
        impact integer NOT NULL,
        score integer NOT NULL,
        level text NOT NULL,
        treatment text NOT NULL,
        note text,
        review_date date NOT NULL,
        assessed_by uuid NOT NULL,
        assessed_at timestamptz NOT NULL,
        CONSTRAINT pk_risk_assessment PRIMARY KEY (id),
        CONSTRAINT fk_risk_assessment_risk FOREIGN KEY (risk_id) REFERENCES risk (id),
        CONSTRAINT fk_risk_assessment_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_risk_assessment_by FOREIGN KEY (assessed_by) REFERENCES app_user (id),
        CONSTRAINT ck_risk_assessment_likelihood CHECK (likelihood BETWEEN 1 AND 5),
        CONSTRAINT ck_risk_assessment_impact CHECK (impact BETWEEN 1 AND 5),
        CONSTRAINT ck_risk_assessment_score CHECK (score = likelihood * impact),
        CONSTRAINT ck_risk_assessment_level CHECK (level IN ('low', 'medium', 'high')),
        CONSTRAINT ck_risk_assessment_position CHECK (position >= 1)
      )`);
    await q.query(`CREATE INDEX ix_risk_assessment_risk ON risk_assessment (risk_id, position)`);
    await q.query(`CREATE INDEX ix_risk_assessment_agency ON risk_assessment (agency_id, assessed_at)`);

    // Each closing and reopening, so that "open at the end of a day" is known for any past day.
    await q.query(`
      CREATE TABLE risk_state_change (
        id uuid NOT NULL,
        risk_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        position integer NOT NULL,
        to_state text NOT NULL,
        reason text NOT NULL,
        changed_by uuid NOT NULL,
        changed_at timestamptz NOT NULL,
        CONSTRAINT pk_risk_state_change PRIMARY KEY (id),
        CONSTRAINT fk_risk_state_change_risk FOREIGN KEY (risk_id) REFERENCES risk (id),
        CONSTRAINT fk_risk_state_change_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_risk_state_change_by FOREIGN KEY (changed_by) REFERENCES app_user (id),
        CONSTRAINT ck_risk_state_change_state CHECK (to_state IN ('open', 'closed'))
      )`);
    await q.query(`CREATE INDEX ix_risk_state_change_risk ON risk_state_change (risk_id, position)`);
    await q.query(`CREATE INDEX ix_risk_state_change_agency ON risk_state_change (agency_id, changed_at)`);

    // What risks.review-due has sent: one row per risk and review date.
    await q.query(`
      CREATE TABLE risk_reminder (
        risk_id uuid NOT NULL,
        review_date date NOT NULL,
        agency_id uuid NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_risk_reminder PRIMARY KEY (risk_id, review_date),
        CONSTRAINT fk_risk_reminder_risk FOREIGN KEY (risk_id) REFERENCES risk (id),
        CONSTRAINT fk_risk_reminder_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
      )`);
    await q.query(`CREATE INDEX ix_risk_reminder_agency ON risk_reminder (agency_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['risk_reminder', 'risk_state_change', 'risk_assessment', 'risk']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
