import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quality objectives (DESIGN §7, ISO 9001 clause 6.2): an agency's objectives of a year with their
 * KPI and target, one measurement per period, and what the objectives.due job has reminded of.
 * Evidence files are `attachment` rows (subject `objective_measurement`).
 */
export class Objectives1764470000000 implements MigrationInterface {
  name = 'Objectives1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE objective (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        year integer NOT NULL,
        statement text NOT NULL,
        kpi_name text NOT NULL,
        unit text NOT NULL,
        direction text NOT NULL,
        target double precision NOT NULL,
        frequency text NOT NULL,
        aggregation text NOT NULL DEFAULT 'average',
        owner_org_unit_id uuid NOT NULL,
        state text NOT NULL DEFAULT 'active',
        withdrawn_reason text,
        withdrawn_at timestamptz,
        withdrawn_by uuid,
        created_by uuid NOT NULL,
        updated_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_objective PRIMARY KEY (id),
        CONSTRAINT fk_objective_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_objective_owner_org_unit FOREIGN KEY (owner_org_unit_id) REFERENCES org_unit (id),
        CONSTRAINT fk_objective_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
        CONSTRAINT fk_objective_updated_by FOREIGN KEY (updated_by) REFERENCES app_user (id),
        CONSTRAINT fk_objective_withdrawn_by FOREIGN KEY (withdrawn_by) REFERENCES app_user (id),
        CONSTRAINT ck_objective_year CHECK (year BETWEEN 2000 AND 2100),
        CONSTRAINT ck_objective_direction CHECK (direction IN ('at_least', 'at_most')),
        CONSTRAINT ck_objective_frequency CHECK (frequency IN ('monthly', 'quarterly', 'yearly')),
        CONSTRAINT ck_objective_aggregation CHECK (aggregation IN ('average', 'sum', 'latest')),
        CONSTRAINT ck_objective_state CHECK (state IN ('active', 'withdrawn')),
        CONSTRAINT ck_objective_withdrawn CHECK (
          (state = 'withdrawn') = (withdrawn_reason IS NOT NULL AND withdrawn_at IS NOT NULL AND withdrawn_by IS NOT NULL)),
        CONSTRAINT ck_objective_target CHECK (target = target AND target BETWEEN -1e12 AND 1e12)
      )`);
    await q.query(`CREATE INDEX ix_objective_agency_year ON objective (agency_id, year)`);
    await q.query(`CREATE INDEX ix_objective_owner_org_unit ON objective (owner_org_unit_id)`);

    await q.query(`
      CREATE TABLE objective_measurement (
        id uuid NOT NULL,
        objective_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        period text NOT NULL,
        period_start date NOT NULL,
        value double precision NOT NULL,
        note text,
        detail jsonb,
        nonconformity_id uuid,
        nonconformity_number text,
        entered_by uuid NOT NULL,
        entered_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_objective_measurement PRIMARY KEY (id),
        CONSTRAINT fk_objective_measurement_objective FOREIGN KEY (objective_id) REFERENCES objective (id),
        CONSTRAINT fk_objective_measurement_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_objective_measurement_nonconformity FOREIGN KEY (nonconformity_id) REFERENCES nonconformity (id),
        CONSTRAINT fk_objective_measurement_entered_by FOREIGN KEY (entered_by) REFERENCES app_user (id),
        CONSTRAINT fk_objective_measurement_updated_by FOREIGN KEY (updated_by) REFERENCES app_user (id),
        CONSTRAINT ck_objective_measurement_period CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
        CONSTRAINT ck_objective_measurement_value CHECK (value = value AND value BETWEEN -1e12 AND 1e12)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_objective_measurement_period ON objective_measurement (objective_id, period)`,
    );
    await q.query(`CREATE INDEX ix_objective_measurement_agency ON objective_measurement (agency_id)`);
    await q.query(
      `CREATE UNIQUE INDEX uq_objective_measurement_nonconformity ON objective_measurement (nonconformity_id)
       WHERE nonconformity_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE objective_reminder (
        objective_id uuid NOT NULL,
        period text NOT NULL,
        day date NOT NULL,
        agency_id uuid NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_objective_reminder PRIMARY KEY (objective_id, period, day),
        CONSTRAINT fk_objective_reminder_objective FOREIGN KEY (objective_id) REFERENCES objective (id),
        CONSTRAINT fk_objective_reminder_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
      )`);
    await q.query(`CREATE INDEX ix_objective_reminder_agency ON objective_reminder (agency_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['objective_reminder', 'objective_measurement', 'objective']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
