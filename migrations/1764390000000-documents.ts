import { MigrationInterface, QueryRunner } from 'typeorm';

/** Document control (DESIGN §4): documents, versions, files, signatures, distribution, acknowledgements, inbox. */
export class Documents1764390000000 implements MigrationInterface {
  name = 'Documents1764390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        code text NOT NULL,
        title text NOT NULL,
        type text NOT NULL,
        owner_org_unit_id uuid,
        iso_clauses text[] NOT NULL DEFAULT '{}',
        tthc_codes text[] NOT NULL DEFAULT '{}',
        review_interval_months integer NOT NULL DEFAULT 12,
        next_review_date date,
        current_version_id uuid,
        issue_count integer NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'active',
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_document PRIMARY KEY (id),
        CONSTRAINT fk_document_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_document_owner_org_unit FOREIGN KEY (owner_org_unit_id) REFERENCES org_unit (id),
        CONSTRAINT fk_document_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
        CONSTRAINT ck_document_type CHECK (type IN ('policy', 'objectives', 'manual', 'procedure', 'tthc_procedure',
          'form', 'guideline', 'external')),
        CONSTRAINT ck_document_status CHECK (status IN ('active', 'obsolete')),
        CONSTRAINT ck_document_review_interval CHECK (review_interval_months BETWEEN 1 AND 120)
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_document_agency_code ON document (agency_id, lower(code))`);
    await q.query(`CREATE INDEX ix_document_agency_type ON document (agency_id, type)`);
    await q.query(
      `CREATE INDEX ix_document_next_review ON document (next_review_date) WHERE current_version_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_document_search ON document USING gin (eiso_fold(code || ' ' || title) gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX ix_document_iso_clauses ON document USING gin (iso_clauses)`);

    await q.query(`
      CREATE TABLE document_version (
        id uuid NOT NULL,
        document_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        revision integer NOT NULL,
        issue_number integer,
        state text NOT NULL,
        title text NOT NULL,
        iso_clauses text[] NOT NULL DEFAULT '{}',
        tthc_codes text[] NOT NULL DEFAULT '{}',
        change_summary text,
        author_id uuid NOT NULL,
        based_on_version_id uuid,
        submitted_at timestamptz,
        effective_from date,
        issued_at timestamptz,
        superseded_at timestamptz,
        obsoleted_at timestamptz,
        withdrawal_reason text,
        controlled_copy_key text,
        controlled_copy_state text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_document_version PRIMARY KEY (id),
        CONSTRAINT fk_document_version_document FOREIGN KEY (document_id) REFERENCES document (id),
        CONSTRAINT fk_document_version_author FOREIGN KEY (author_id) REFERENCES app_user (id),
        CONSTRAINT ck_document_version_state CHECK (state IN ('draft', 'in_review', 'awaiting_approval', 'approved',
          'effective', 'superseded', 'obsolete')),
        CONSTRAINT ux_document_version_revision UNIQUE (document_id, revision)
      )`);
    // The invariants concurrency must never break, held by the database itself.
    await q.query(`CREATE UNIQUE INDEX ux_document_version_one_effective ON document_version (document_id)
      WHERE state = 'effective'`);
    await q.query(`CREATE UNIQUE INDEX ux_document_version_one_in_flight ON document_version (document_id)
      WHERE state IN ('draft', 'in_review', 'awaiting_approval')`);
    await q.query(`CREATE UNIQUE INDEX ux_document_version_issue_number ON document_version (document_id, issue_number)
      WHERE issue_number IS NOT NULL`);
    await q.query(`CREATE INDEX ix_document_version_agency_state ON document_version (agency_id, state)`);
    await q.query(`ALTER TABLE document ADD CONSTRAINT fk_document_current_version
      FOREIGN KEY (current_version_id) REFERENCES document_version (id)`);

    await q.query(`
      CREATE TABLE document_file (
        id uuid NOT NULL,
        version_id uuid NOT NULL,
        document_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        size bigint NOT NULL,
        sha256 char(64) NOT NULL,
        media_type text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_document_file PRIMARY KEY (id),
        CONSTRAINT fk_document_file_version FOREIGN KEY (version_id) REFERENCES document_version (id),
        CONSTRAINT ck_document_file_kind CHECK (kind IN ('primary', 'attachment'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_document_file_one_primary ON document_file (version_id) WHERE kind = 'primary'`,
    );
    await q.query(`CREATE INDEX ix_document_file_version ON document_file (version_id)`);
    await q.query(`CREATE INDEX ix_document_file_storage_key ON document_file (storage_key)`);

    await q.query(`
      CREATE TABLE document_signature (
        id uuid NOT NULL,
        version_id uuid NOT NULL,
        meaning text NOT NULL,
        signer_id uuid NOT NULL,
        signer_name text NOT NULL,
        signer_position text,
        signer_role text NOT NULL,
        signed_at timestamptz NOT NULL,
        content_hash char(64) NOT NULL,
        comment text,
        CONSTRAINT pk_document_signature PRIMARY KEY (id),
        CONSTRAINT fk_document_signature_version FOREIGN KEY (version_id) REFERENCES document_version (id),
        CONSTRAINT fk_document_signature_signer FOREIGN KEY (signer_id) REFERENCES app_user (id),
        CONSTRAINT ck_document_signature_meaning CHECK (meaning IN ('review', 'approve', 'issue', 'withdraw'))
      )`);
    await q.query(`CREATE INDEX ix_document_signature_version ON document_signature (version_id)`);

    await q.query(`
      CREATE TABLE document_comment (
        id uuid NOT NULL,
        version_id uuid NOT NULL,
        author_id uuid NOT NULL,
        kind text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_document_comment PRIMARY KEY (id),
        CONSTRAINT fk_document_comment_version FOREIGN KEY (version_id) REFERENCES document_version (id),
        CONSTRAINT ck_document_comment_kind CHECK (kind IN ('review_approve', 'review_return', 'approval_return', 'approve'))
      )`);
    await q.query(`CREATE INDEX ix_document_comment_version ON document_comment (version_id)`);

    await q.query(`
      CREATE TABLE document_distribution (
        document_id uuid NOT NULL,
        target_type text NOT NULL,
        target_id uuid NOT NULL,
        CONSTRAINT pk_document_distribution PRIMARY KEY (document_id, target_type, target_id),
        CONSTRAINT fk_document_distribution_document FOREIGN KEY (document_id) REFERENCES document (id),
        CONSTRAINT ck_document_distribution_target CHECK (target_type IN ('org_unit', 'user'))
      )`);

    await q.query(`
      CREATE TABLE document_acknowledgement (
        version_id uuid NOT NULL,
        user_id uuid NOT NULL,
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_document_acknowledgement PRIMARY KEY (version_id, user_id),
        CONSTRAINT fk_document_acknowledgement_version FOREIGN KEY (version_id) REFERENCES document_version (id),
        CONSTRAINT fk_document_acknowledgement_user FOREIGN KEY (user_id) REFERENCES app_user (id)
      )`);

    await q.query(`
      CREATE TABLE notification (
        id uuid NOT NULL,
        user_id uuid NOT NULL,
        agency_id uuid,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        entity_type text,
        entity_id text,
        link text,
        dedup_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz,
        CONSTRAINT pk_notification PRIMARY KEY (id),
        CONSTRAINT fk_notification_user FOREIGN KEY (user_id) REFERENCES app_user (id)
      )`);
    await q.query(`CREATE INDEX ix_notification_user_created ON notification (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix_notification_unread ON notification (user_id) WHERE read_at IS NULL`);
    // Once per user and key: a job run twice, or a review-due reminder on the same day, notifies once.
    await q.query(
      `CREATE UNIQUE INDEX ux_notification_dedup ON notification (user_id, dedup_key) WHERE dedup_key IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE document_acknowledgement`);
    await q.query(`DROP TABLE document_distribution`);
    await q.query(`DROP TABLE document_comment`);
    await q.query(`DROP TABLE document_signature`);
    await q.query(`DROP TABLE document_file`);
    await q.query(`ALTER TABLE document DROP CONSTRAINT fk_document_current_version`);
    await q.query(`DROP TABLE document_version`);
    await q.query(`DROP TABLE document`);
  }
}
