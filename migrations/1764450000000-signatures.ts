import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One `signature` table for every domain (DESIGN §13, "Signing"), keyed by (subject_type,
 * subject_id). Every `document_signature` row moves over with its id (subject `document_version`),
 * and every disposal approval becomes a signature (subject `disposal`, meaning `dispose`) with the
 * same signer, time and hash; then `document_signature` and the disposal's signature columns go.
 * The proposer's name and position stay on `disposal`: a proposal is recorded, not signed (no hash).
 *
 * Meanings and subject types are a typed list in `libs/signatures`, not a check here: a new domain
 * adds its own without a migration.
 */
export class Signatures1764450000000 implements MigrationInterface {
  name = 'Signatures1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE signature (
        id uuid NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        meaning text NOT NULL,
        signer_id uuid NOT NULL,
        signer_name text NOT NULL,
        signer_position text,
        signer_role text NOT NULL,
        signed_at timestamptz NOT NULL,
        content_hash char(64) NOT NULL,
        signer_password_set_at timestamptz,
        comment text,
        CONSTRAINT pk_signature PRIMARY KEY (id),
        CONSTRAINT fk_signature_signer FOREIGN KEY (signer_id) REFERENCES app_user (id),
        CONSTRAINT ck_signature_subject_type CHECK (subject_type ~ '^[a-z][a-z_]*$'),
        CONSTRAINT ck_signature_meaning CHECK (meaning ~ '^[a-z][a-z_]*$'),
        CONSTRAINT ck_signature_content_hash CHECK (content_hash ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`CREATE INDEX ix_signature_subject ON signature (subject_type, subject_id, signed_at)`);

    await q.query(`
      INSERT INTO signature (id, subject_type, subject_id, meaning, signer_id, signer_name, signer_position,
                             signer_role, signed_at, content_hash, signer_password_set_at, comment)
      SELECT id, 'document_version', version_id, meaning, signer_id, signer_name, signer_position,
             signer_role, signed_at, content_hash, signer_password_set_at, comment
        FROM document_signature`);
    await q.query(`
      INSERT INTO signature (id, subject_type, subject_id, meaning, signer_id, signer_name, signer_position,
                             signer_role, signed_at, content_hash, signer_password_set_at, comment)
      SELECT gen_random_uuid(), 'disposal', id, 'dispose', approved_by, coalesce(signer_name, ''),
             signer_position, coalesce(signer_role, ''), signed_at, content_hash, signer_password_set_at, NULL
        FROM disposal
       WHERE approved_by IS NOT NULL AND signed_at IS NOT NULL AND content_hash IS NOT NULL`);

    await q.query(`DROP TABLE document_signature`);
    await q.query(`ALTER TABLE disposal DROP CONSTRAINT ck_disposal_signed`);
    await q.query(`ALTER TABLE disposal DROP CONSTRAINT fk_disposal_approved_by`);
    for (const column of DISPOSAL_SIGNATURE_COLUMNS) {
      await q.query(`ALTER TABLE disposal DROP COLUMN ${column}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // Signatures the old shape has no place for would be lost: refuse rather than drop them.
    const [{ n }] = (await q.query(`
      SELECT count(*)::int AS n FROM signature
       WHERE NOT (subject_type = 'document_version'
                  AND meaning IN ('submit', 'review', 'approve', 'issue', 'withdraw'))
         AND NOT (subject_type = 'disposal' AND meaning = 'dispose')`)) as { n: number }[];
    if (n > 0) {
      throw new Error(`${n} chữ ký không thuộc tài liệu hay đợt hủy: không thể hoàn tác mà không mất chúng`);
    }

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
        signer_password_set_at timestamptz,
        CONSTRAINT pk_document_signature PRIMARY KEY (id),
        CONSTRAINT fk_document_signature_version FOREIGN KEY (version_id) REFERENCES document_version (id),
        CONSTRAINT fk_document_signature_signer FOREIGN KEY (signer_id) REFERENCES app_user (id),
        CONSTRAINT ck_document_signature_meaning
          CHECK (meaning IN ('submit', 'review', 'approve', 'issue', 'withdraw'))
      )`);
    await q.query(`CREATE INDEX ix_document_signature_version ON document_signature (version_id)`);
    await q.query(`
      INSERT INTO document_signature (id, version_id, meaning, signer_id, signer_name, signer_position,
                                      signer_role, signed_at, content_hash, comment, signer_password_set_at)
      SELECT id, subject_id, meaning, signer_id, signer_name, signer_position,
             signer_role, signed_at, content_hash, comment, signer_password_set_at
        FROM signature WHERE subject_type = 'document_version'`);

    await q.query(`
      ALTER TABLE disposal
        ADD COLUMN approved_by uuid,
        ADD COLUMN signer_name text,
        ADD COLUMN signer_position text,
        ADD COLUMN signer_role text,
        ADD COLUMN signed_at timestamptz,
        ADD COLUMN content_hash char(64),
        ADD COLUMN signer_password_set_at timestamptz`);
    await q.query(`
      UPDATE disposal d
         SET approved_by = s.signer_id, signer_name = s.signer_name, signer_position = s.signer_position,
             signer_role = s.signer_role, signed_at = s.signed_at, content_hash = s.content_hash,
             signer_password_set_at = s.signer_password_set_at
        FROM signature s
       WHERE s.subject_type = 'disposal' AND s.meaning = 'dispose' AND s.subject_id = d.id`);
    await q.query(`ALTER TABLE disposal ADD CONSTRAINT fk_disposal_approved_by
      FOREIGN KEY (approved_by) REFERENCES app_user (id)`);
    await q.query(`ALTER TABLE disposal ADD CONSTRAINT ck_disposal_signed CHECK (state NOT IN ('approved', 'completed')
      OR (approved_by IS NOT NULL AND signed_at IS NOT NULL AND content_hash IS NOT NULL))`);
    await q.query(`DROP TABLE signature`);
  }
}

/** The approval's columns on `disposal` before this migration; the proposer's stay. */
const DISPOSAL_SIGNATURE_COLUMNS = [
  'approved_by',
  'signer_name',
  'signer_position',
  'signer_role',
  'signed_at',
  'content_hash',
  'signer_password_set_at',
];
