import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Internal audits, nonconformities and corrective actions (DESIGN §6): the audit programme of a
 * year with its risk-based entries, audits with their scope, team, checklist and findings, and the
 * nonconformity → corrective action → actions → effectiveness check loop. Clause numbers name rows
 * of `iso_clause` by edition (1764460000000); files are `attachment` rows, signatures `signature`.
 */
export class InternalAudits1764461000000 implements MigrationInterface {
  name = 'InternalAudits1764461000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_programme (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        year integer NOT NULL,
        title text NOT NULL,
        objectives text NOT NULL,
        criteria text NOT NULL,
        clause_edition text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_audit_programme PRIMARY KEY (id),
        CONSTRAINT fk_audit_programme_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_audit_programme_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
        CONSTRAINT fk_audit_programme_edition FOREIGN KEY (clause_edition) REFERENCES iso_standard_edition (code),
        CONSTRAINT ck_audit_programme_year CHECK (year BETWEEN 2000 AND 2100)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_audit_programme_agency_year ON audit_programme (agency_id, year)`);

    // One line of the programme: a process or an org unit, its risk and how often it is audited.
    await q.query(`
      CREATE TABLE audit_programme_entry (
        id uuid NOT NULL,
        programme_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        position integer NOT NULL,
        org_unit_id uuid,
        process text,
        risk_level text NOT NULL,
        audits_per_year integer NOT NULL,
        planned_months integer[] NOT NULL DEFAULT '{}',
        note text,
        CONSTRAINT pk_audit_programme_entry PRIMARY KEY (id),
        CONSTRAINT fk_audit_programme_entry_programme FOREIGN KEY (programme_id) REFERENCES audit_programme (id) ON DELETE CASCADE,
        CONSTRAINT fk_audit_programme_entry_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_audit_programme_entry_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
        CONSTRAINT ck_audit_programme_entry_subject CHECK (org_unit_id IS NOT NULL OR process IS NOT NULL),
        CONSTRAINT ck_audit_programme_entry_risk CHECK (risk_level IN ('low', 'medium', 'high')),
        CONSTRAINT ck_audit_programme_entry_frequency CHECK (audits_per_year BETWEEN 1 AND 12)
      )`);
    await q.query(
      `CREATE INDEX ix_audit_programme_entry_programme ON audit_programme_entry (programme_id, position)`,
    );

    await q.query(`
      CREATE TABLE audit (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        programme_id uuid NOT NULL,
        year integer NOT NULL,
        serial integer NOT NULL,
        title text NOT NULL,
        objectives text NOT NULL,
        criteria text NOT NULL,
        clause_edition text NOT NULL,
        org_unit_ids uuid[] NOT NULL DEFAULT '{}',
        clauses text[] NOT NULL DEFAULT '{}',
        procedure_document_ids uuid[] NOT NULL DEFAULT '{}',
        start_date date NOT NULL,
        end_date date NOT NULL,
        lead_auditor_id uuid NOT NULL,
        team_ids uuid[] NOT NULL DEFAULT '{}',
        state text NOT NULL DEFAULT 'planned',
        plan_issued_at timestamptz,
        plan_issued_by uuid,
        started_at timestamptz,
        conclusion text,
        reported_at timestamptz,
        closed_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_audit PRIMARY KEY (id),
        CONSTRAINT fk_audit_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_audit_programme FOREIGN KEY (programme_id) REFERENCES audit_programme (id),
        CONSTRAINT fk_audit_edition FOREIGN KEY (clause_edition) REFERENCES iso_standard_edition (code),
        CONSTRAINT fk_audit_lead FOREIGN KEY (lead_auditor_id) REFERENCES app_user (id),
        CONSTRAINT fk_audit_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
        CONSTRAINT fk_audit_plan_issued_by FOREIGN KEY (plan_issued_by) REFERENCES app_user (id),
        CONSTRAINT ck_audit_state CHECK (state IN ('planned', 'in_progress', 'reported', 'closed')),
        CONSTRAINT ck_audit_dates CHECK (end_date >= start_date)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_audit_agency_year_serial ON audit (agency_id, year, serial)`);
    await q.query(`CREATE INDEX ix_audit_agency_state ON audit (agency_id, state, start_date)`);
    await q.query(`CREATE INDEX ix_audit_programme ON audit (programme_id)`);

    await q.query(`
      CREATE TABLE audit_checklist_item (
        id uuid NOT NULL,
        audit_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        position integer NOT NULL,
        kind text NOT NULL,
        clause text,
        document_id uuid,
        document_version_id uuid,
        question text NOT NULL,
        answer text,
        notes text,
        sample text,
        answered_by uuid,
        answered_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_audit_checklist_item PRIMARY KEY (id),
        CONSTRAINT fk_audit_checklist_item_audit FOREIGN KEY (audit_id) REFERENCES audit (id),
        CONSTRAINT fk_audit_checklist_item_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_audit_checklist_item_document FOREIGN KEY (document_id) REFERENCES document (id),
        CONSTRAINT fk_audit_checklist_item_version FOREIGN KEY (document_version_id) REFERENCES document_version (id),
        CONSTRAINT fk_audit_checklist_item_answered_by FOREIGN KEY (answered_by) REFERENCES app_user (id),
        CONSTRAINT ck_audit_checklist_item_kind CHECK (
          (kind = 'clause' AND clause IS NOT NULL AND document_id IS NULL)
          OR (kind = 'procedure' AND document_id IS NOT NULL)),
        CONSTRAINT ck_audit_checklist_item_answer CHECK (
          answer IS NULL OR answer IN ('conform', 'nonconform', 'observation', 'not_applicable'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_audit_checklist_item_position ON audit_checklist_item (audit_id, position)`,
    );

    await q.query(`
      CREATE TABLE audit_finding (
        id uuid NOT NULL,
        audit_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        serial integer NOT NULL,
        type text NOT NULL,
        clause text NOT NULL,
        org_unit_id uuid,
        checklist_item_id uuid,
        statement text NOT NULL,
        evidence text,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_audit_finding PRIMARY KEY (id),
        CONSTRAINT fk_audit_finding_audit FOREIGN KEY (audit_id) REFERENCES audit (id),
        CONSTRAINT fk_audit_finding_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_audit_finding_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
        CONSTRAINT fk_audit_finding_item FOREIGN KEY (checklist_item_id) REFERENCES audit_checklist_item (id),
        CONSTRAINT fk_audit_finding_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
        CONSTRAINT ck_audit_finding_type CHECK (type IN ('major_nc', 'minor_nc', 'observation', 'ofi'))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_audit_finding_serial ON audit_finding (audit_id, serial)`);

    // Nonconformities: numbered per agency and year (serial/year), from one of five sources.
    await q.query(`
      CREATE TABLE nonconformity (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        year integer NOT NULL,
        serial integer NOT NULL,
        source text NOT NULL,
        severity text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        clause text,
        clause_edition text,
        org_unit_id uuid,
        detected_on date NOT NULL,
        detected_by uuid NOT NULL,
        audit_id uuid,
        finding_id uuid,
        complaint_ref text,
        complainant text,
        tthc_code text,
        dossier_number text,
        days_late integer,
        management_review_ref text,
        state text NOT NULL DEFAULT 'open',
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_nonconformity PRIMARY KEY (id),
        CONSTRAINT fk_nonconformity_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_nonconformity_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
        CONSTRAINT fk_nonconformity_detected_by FOREIGN KEY (detected_by) REFERENCES app_user (id),
        CONSTRAINT fk_nonconformity_audit FOREIGN KEY (audit_id) REFERENCES audit (id),
        CONSTRAINT fk_nonconformity_finding FOREIGN KEY (finding_id) REFERENCES audit_finding (id),
        CONSTRAINT fk_nonconformity_edition FOREIGN KEY (clause_edition) REFERENCES iso_standard_edition (code),
        CONSTRAINT ck_nonconformity_source CHECK (
          source IN ('audit_finding', 'complaint', 'late_dossier', 'management_review', 'self')),
        CONSTRAINT ck_nonconformity_severity CHECK (severity IN ('major', 'minor')),
        CONSTRAINT ck_nonconformity_state CHECK (state IN ('open', 'closed')),
        CONSTRAINT ck_nonconformity_finding CHECK (
          (source = 'audit_finding') = (finding_id IS NOT NULL AND audit_id IS NOT NULL)),
        CONSTRAINT ck_nonconformity_late_dossier CHECK (
          source <> 'late_dossier'
          OR (tthc_code IS NOT NULL AND dossier_number IS NOT NULL AND days_late >= 1)),
        CONSTRAINT ck_nonconformity_clause CHECK ((clause IS NULL) = (clause_edition IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_nonconformity_agency_year_serial ON nonconformity (agency_id, year, serial)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_nonconformity_finding ON nonconformity (finding_id) WHERE finding_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_nonconformity_late_dossier ON nonconformity (agency_id, tthc_code, dossier_number)
       WHERE source = 'late_dossier'`,
    );
    await q.query(`CREATE INDEX ix_nonconformity_agency_detected ON nonconformity (agency_id, detected_on)`);
    await q.query(
      `CREATE INDEX ix_nonconformity_audit ON nonconformity (audit_id) WHERE audit_id IS NOT NULL`,
    );

    // Phiếu yêu cầu hành động khắc phục: one per nonconformity; `round` counts effectiveness checks.
    await q.query(`
      CREATE TABLE corrective_action (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        nonconformity_id uuid NOT NULL,
        state text NOT NULL DEFAULT 'open',
        round integer NOT NULL DEFAULT 1,
        correction text,
        root_cause text,
        whys text[] NOT NULL DEFAULT '{}',
        verifier_id uuid,
        verification_delay_days integer NOT NULL DEFAULT 90,
        verification_due date,
        created_by uuid NOT NULL,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_corrective_action PRIMARY KEY (id),
        CONSTRAINT fk_corrective_action_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_corrective_action_nonconformity FOREIGN KEY (nonconformity_id) REFERENCES nonconformity (id),
        CONSTRAINT fk_corrective_action_verifier FOREIGN KEY (verifier_id) REFERENCES app_user (id),
        CONSTRAINT fk_corrective_action_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
        CONSTRAINT ck_corrective_action_state CHECK (
          state IN ('open', 'planned', 'in_progress', 'verifying', 'closed')),
        CONSTRAINT ck_corrective_action_round CHECK (round >= 1),
        CONSTRAINT ck_corrective_action_whys CHECK (cardinality(whys) <= 5),
        CONSTRAINT ck_corrective_action_delay CHECK (verification_delay_days BETWEEN 1 AND 730)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_corrective_action_nonconformity ON corrective_action (nonconformity_id)`,
    );
    await q.query(`CREATE INDEX ix_corrective_action_agency_state ON corrective_action (agency_id, state)`);

    // One action of a corrective action (owner, due date, done date, evidence files), in a round.
    await q.query(`
      CREATE TABLE corrective_action_task (
        id uuid NOT NULL,
        corrective_action_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        round integer NOT NULL,
        position integer NOT NULL,
        description text NOT NULL,
        owner_id uuid NOT NULL,
        due_date date NOT NULL,
        done_on date,
        done_note text,
        document_id uuid,
        document_issue_at_raise integer,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_corrective_action_task PRIMARY KEY (id),
        CONSTRAINT fk_corrective_action_task_action FOREIGN KEY (corrective_action_id) REFERENCES corrective_action (id),
        CONSTRAINT fk_corrective_action_task_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_corrective_action_task_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
        CONSTRAINT fk_corrective_action_task_document FOREIGN KEY (document_id) REFERENCES document (id),
        CONSTRAINT fk_corrective_action_task_created_by FOREIGN KEY (created_by) REFERENCES app_user (id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_corrective_action_task_position ON corrective_action_task (corrective_action_id, position)`,
    );
    await q.query(
      `CREATE INDEX ix_corrective_action_task_due ON corrective_action_task (agency_id, due_date) WHERE done_on IS NULL`,
    );
    await q.query(`CREATE INDEX ix_corrective_action_task_owner ON corrective_action_task (owner_id)`);

    // Each effectiveness check, kept: a "not effective" one sends the action back for a new round.
    await q.query(`
      CREATE TABLE corrective_action_verification (
        id uuid NOT NULL,
        corrective_action_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        round integer NOT NULL,
        verifier_id uuid NOT NULL,
        effective boolean NOT NULL,
        reason text NOT NULL,
        verified_at timestamptz NOT NULL,
        CONSTRAINT pk_corrective_action_verification PRIMARY KEY (id),
        CONSTRAINT fk_corrective_action_verification_action FOREIGN KEY (corrective_action_id) REFERENCES corrective_action (id),
        CONSTRAINT fk_corrective_action_verification_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_corrective_action_verification_verifier FOREIGN KEY (verifier_id) REFERENCES app_user (id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_corrective_action_verification_round ON corrective_action_verification (corrective_action_id, round)`,
    );

    // What capa.due has sent: one reminder per item, kind and day (idempotent reruns and catch-up).
    await q.query(`
      CREATE TABLE capa_reminder (
        kind text NOT NULL,
        item_id uuid NOT NULL,
        day date NOT NULL,
        agency_id uuid NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_capa_reminder PRIMARY KEY (kind, item_id, day),
        CONSTRAINT fk_capa_reminder_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT ck_capa_reminder_kind CHECK (kind IN ('action_due_soon', 'action_overdue', 'verification_due'))
      )`);
    await q.query(`CREATE INDEX ix_capa_reminder_agency ON capa_reminder (agency_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'capa_reminder',
      'corrective_action_verification',
      'corrective_action_task',
      'corrective_action',
      'nonconformity',
      'audit_finding',
      'audit_checklist_item',
      'audit',
      'audit_programme_entry',
      'audit_programme',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
