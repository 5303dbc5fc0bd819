import { MigrationInterface, QueryRunner } from 'typeorm';

/** Records (DESIGN §5): the Danh mục hồ sơ, records and their files, legal hold, signed disposal batches. */
export class Records1764400000000 implements MigrationInterface {
  name = 'Records1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE record_type (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        document_id uuid,
        retention_months integer,
        permanent boolean NOT NULL DEFAULT false,
        storage_place text NOT NULL,
        responsible_org_unit_id uuid NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_record_type PRIMARY KEY (id),
        CONSTRAINT fk_record_type_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_record_type_document FOREIGN KEY (document_id) REFERENCES document (id),
        CONSTRAINT fk_record_type_org_unit FOREIGN KEY (responsible_org_unit_id) REFERENCES org_unit (id),
        CONSTRAINT fk_record_type_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
        CONSTRAINT ck_record_type_retention CHECK (
          (permanent AND retention_months IS NULL)
          OR (NOT permanent AND retention_months BETWEEN 1 AND 1200))
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_record_type_agency_code ON record_type (agency_id, lower(code))`);

    // retention_end is a date fixed when the record is filed (record_date + the type's months);
    // NULL for permanent records, which never fall due.
    await q.query(`
      CREATE TABLE record (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        record_type_id uuid NOT NULL,
        title text NOT NULL,
        reference text,
        record_date date NOT NULL,
        tthc_code text,
        retention_months integer,
        retention_end date,
        state text NOT NULL DEFAULT 'active',
        due_at timestamptz,
        hold_reason text,
        held_at timestamptz,
        held_by uuid,
        disposal_id uuid,
        disposed_at timestamptz,
        disposed_by uuid,
        disposed_sha256 char(64),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_record PRIMARY KEY (id),
        CONSTRAINT fk_record_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_record_type FOREIGN KEY (record_type_id) REFERENCES record_type (id),
        CONSTRAINT fk_record_held_by FOREIGN KEY (held_by) REFERENCES app_user (id),
        CONSTRAINT fk_record_disposed_by FOREIGN KEY (disposed_by) REFERENCES app_user (id),
        CONSTRAINT fk_record_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
        CONSTRAINT ck_record_state CHECK (state IN ('active', 'due_for_disposal', 'disposed')),
        CONSTRAINT ck_record_hold CHECK ((hold_reason IS NULL) = (held_at IS NULL)
          AND (hold_reason IS NULL) = (held_by IS NULL)),
        CONSTRAINT ck_record_disposed CHECK ((state = 'disposed') = (disposed_at IS NOT NULL)
          AND (state <> 'disposed' OR (disposal_id IS NOT NULL AND disposed_sha256 IS NOT NULL
            AND hold_reason IS NULL))),
        CONSTRAINT ck_record_due CHECK (state = 'active' OR retention_end IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX ix_record_agency_state ON record (agency_id, state)`);
    await q.query(`CREATE INDEX ix_record_agency_date ON record (agency_id, record_date)`);
    await q.query(`CREATE INDEX ix_record_type ON record (record_type_id)`);
    // What the daily retention job scans: only records that can still fall due.
    await q.query(`CREATE INDEX ix_record_retention_due ON record (retention_end)
      WHERE state = 'active' AND hold_reason IS NULL`);

    // Accent-insensitive search lives beside the record, written once when the record is filed
    // (title and reference never change). Kept off the record table because every state change
    // there (due, hold, disposed) rewrites the row and would re-insert a trigram entry per row:
    // on the retention job's UPDATE that GIN upkeep cost far more than the update itself.
    await q.query(`
      CREATE TABLE record_search (
        record_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        text text NOT NULL,
        CONSTRAINT pk_record_search PRIMARY KEY (record_id),
        CONSTRAINT fk_record_search_record FOREIGN KEY (record_id) REFERENCES record (id)
      )`);
    await q.query(
      `CREATE INDEX ix_record_search_text ON record_search USING gin (eiso_fold(text) gin_trgm_ops)`,
    );

    // Rows are never deleted: disposal deletes the bytes and marks the row (deleted_at).
    await q.query(`
      CREATE TABLE record_file (
        id uuid NOT NULL,
        record_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        name text NOT NULL,
        size bigint NOT NULL,
        sha256 char(64) NOT NULL,
        media_type text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        CONSTRAINT pk_record_file PRIMARY KEY (id),
        CONSTRAINT fk_record_file_record FOREIGN KEY (record_id) REFERENCES record (id),
        CONSTRAINT fk_record_file_uploaded_by FOREIGN KEY (uploaded_by) REFERENCES app_user (id),
        CONSTRAINT ux_record_file_storage_key UNIQUE (storage_key)
      )`);
    await q.query(`CREATE INDEX ix_record_file_record ON record_file (record_id)`);

    await q.query(`
      CREATE TABLE disposal (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        number integer NOT NULL,
        state text NOT NULL,
        note text,
        record_count integer NOT NULL,
        proposed_by uuid NOT NULL,
        proposed_at timestamptz NOT NULL,
        approved_by uuid,
        signer_name text,
        signer_position text,
        signer_role text,
        signed_at timestamptz,
        content_hash char(64),
        rejected_by uuid,
        rejected_at timestamptz,
        rejection_reason text,
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_disposal PRIMARY KEY (id),
        CONSTRAINT fk_disposal_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_disposal_proposed_by FOREIGN KEY (proposed_by) REFERENCES app_user (id),
        CONSTRAINT fk_disposal_approved_by FOREIGN KEY (approved_by) REFERENCES app_user (id),
        CONSTRAINT fk_disposal_rejected_by FOREIGN KEY (rejected_by) REFERENCES app_user (id),
        CONSTRAINT ux_disposal_agency_number UNIQUE (agency_id, number),
        CONSTRAINT ck_disposal_state CHECK (state IN ('proposed', 'approved', 'completed', 'rejected')),
        CONSTRAINT ck_disposal_signed CHECK (state NOT IN ('approved', 'completed')
          OR (approved_by IS NOT NULL AND signed_at IS NOT NULL AND content_hash IS NOT NULL)),
        CONSTRAINT ck_disposal_rejected CHECK ((state = 'rejected') = (rejected_at IS NOT NULL)),
        CONSTRAINT ck_disposal_completed CHECK ((state = 'completed') = (completed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_disposal_agency_state ON disposal (agency_id, state)`);
    await q.query(`ALTER TABLE record ADD CONSTRAINT fk_record_disposal
      FOREIGN KEY (disposal_id) REFERENCES disposal (id)`);
    await q.query(`CREATE INDEX ix_record_disposal ON record (disposal_id) WHERE disposal_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE disposal_item (
        disposal_id uuid NOT NULL,
        record_id uuid NOT NULL,
        rejected boolean NOT NULL DEFAULT false,
        CONSTRAINT pk_disposal_item PRIMARY KEY (disposal_id, record_id),
        CONSTRAINT fk_disposal_item_disposal FOREIGN KEY (disposal_id) REFERENCES disposal (id),
        CONSTRAINT fk_disposal_item_record FOREIGN KEY (record_id) REFERENCES record (id)
      )`);
    // A record sits in at most one batch that has not been rejected.
    await q.query(`CREATE UNIQUE INDEX ux_disposal_item_open_record ON disposal_item (record_id)
      WHERE NOT rejected`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE disposal_item`);
    await q.query(`ALTER TABLE record DROP CONSTRAINT fk_record_disposal`);
    await q.query(`DROP TABLE disposal`);
    await q.query(`DROP TABLE record_file`);
    await q.query(`DROP TABLE record_search`);
    await q.query(`DROP TABLE record`);
    await q.query(`DROP TABLE record_type`);
  }
}
