import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One `attachment` table for the files of every subject (issue 12, §3): `record_file` rows arrive
 * as subject `record`, `document_file` rows as subject `document_version` (subject id = the version),
 * with their ids, kinds, hashes and storage keys; no object moves. The old tables are dropped.
 *
 * No foreign key to a subject (its table depends on the subject type): domains never delete a
 * subject that has files (versions and records are kept for good; disposal keeps tombstones).
 * Storage keys are not unique: a new version's rows share its base's objects.
 */
export class Attachments1764451000000 implements MigrationInterface {
  name = 'Attachments1764451000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachment (
        id uuid NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        kind text,
        name text NOT NULL,
        size bigint NOT NULL,
        sha256 char(64) NOT NULL,
        media_type text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        CONSTRAINT pk_attachment PRIMARY KEY (id),
        CONSTRAINT fk_attachment_uploaded_by FOREIGN KEY (uploaded_by) REFERENCES app_user (id),
        CONSTRAINT ck_attachment_subject_type CHECK (subject_type ~ '^[a-z][a-z0-9_]*$'),
        CONSTRAINT ck_attachment_size CHECK (size >= 0)
      )`);
    await q.query(
      `CREATE INDEX ix_attachment_subject ON attachment (subject_type, subject_id, created_at, id)`,
    );
    await q.query(`CREATE INDEX ix_attachment_storage_key ON attachment (storage_key)`);
    await q.query(`CREATE UNIQUE INDEX ux_attachment_one_primary ON attachment (subject_type, subject_id)
      WHERE kind = 'primary'`);

    await q.query(`
      INSERT INTO attachment (id, subject_type, subject_id, agency_id, kind, name, size, sha256, media_type,
                              storage_key, uploaded_by, created_at, deleted_at)
      SELECT id, 'document_version', version_id, agency_id, kind, name, size, sha256, media_type,
             storage_key, uploaded_by, created_at, NULL
        FROM document_file`);
    await q.query(`
      INSERT INTO attachment (id, subject_type, subject_id, agency_id, kind, name, size, sha256, media_type,
                              storage_key, uploaded_by, created_at, deleted_at)
      SELECT id, 'record', record_id, agency_id, NULL, name, size, sha256, media_type,
             storage_key, uploaded_by, created_at, deleted_at
        FROM record_file`);
    await q.query(`DROP TABLE document_file`);
    await q.query(`DROP TABLE record_file`);
  }

  /** Back to the two tables, as 1764390000000 and 1764400000000 made them; refused if other subjects have files. */
  async down(q: QueryRunner): Promise<void> {
    const others = (await q.query(
      `SELECT DISTINCT subject_type FROM attachment WHERE subject_type NOT IN ('document_version', 'record')`,
    )) as { subject_type: string }[];
    if (others.length) {
      throw new Error(
        `Không thể hoàn tác: còn tệp đính kèm của ${others.map((o) => o.subject_type).join(', ')}`,
      );
    }
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
      INSERT INTO document_file (id, version_id, document_id, agency_id, kind, name, size, sha256, media_type,
                                 storage_key, uploaded_by, created_at)
      SELECT a.id, a.subject_id, v.document_id, a.agency_id, a.kind, a.name, a.size, a.sha256, a.media_type,
             a.storage_key, a.uploaded_by, a.created_at
        FROM attachment a JOIN document_version v ON v.id = a.subject_id
       WHERE a.subject_type = 'document_version'`);
    await q.query(`
      INSERT INTO record_file (id, record_id, agency_id, name, size, sha256, media_type,
                               storage_key, uploaded_by, created_at, deleted_at)
      SELECT id, subject_id, agency_id, name, size, sha256, media_type,
             storage_key, uploaded_by, created_at, deleted_at
        FROM attachment
       WHERE subject_type = 'record'`);
    await q.query(`DROP TABLE attachment`);
  }
}
