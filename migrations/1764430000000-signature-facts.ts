import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a signature states stays as it was when it was made (DESIGN §13, "Signatures are facts").
 *
 * `signer_password_set_at` on `document_signature` and `disposal`: when the signer's password had
 * last been set at the moment of signing, so a manifest shows that a later reset does not touch
 * an earlier signature. Rows signed before this migration keep null (not known).
 *
 * The drafter's submission becomes a signature of its own (`meaning = 'submit'`, "Soạn thảo"),
 * with name and position as they were; the disposal batch keeps its proposer's name and position
 * (`proposer_name`, `proposer_position`) for the biên bản. Older rows are not filled in: the
 * printouts fall back to the account's current card for them, as before.
 *
 * `app_user.signing_failed_count` / `signing_locked_until`: wrong signing passwords are counted
 * per account apart from login failures; the fifth in a row locks signing (not login) for 15
 * minutes.
 */
export class SignatureFacts1764430000000 implements MigrationInterface {
  name = 'SignatureFacts1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_signature ADD COLUMN signer_password_set_at timestamptz`);
    await q.query(`ALTER TABLE document_signature DROP CONSTRAINT ck_document_signature_meaning`);
    await q.query(`ALTER TABLE document_signature ADD CONSTRAINT ck_document_signature_meaning
      CHECK (meaning IN ('submit', 'review', 'approve', 'issue', 'withdraw'))`);
    await q.query(`ALTER TABLE disposal ADD COLUMN signer_password_set_at timestamptz`);
    await q.query(`ALTER TABLE disposal ADD COLUMN proposer_name text`);
    await q.query(`ALTER TABLE disposal ADD COLUMN proposer_position text`);
    await q.query(`ALTER TABLE app_user ADD COLUMN signing_failed_count integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE app_user ADD COLUMN signing_locked_until timestamptz`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT ck_app_user_signing_failed_count
      CHECK (signing_failed_count >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT ck_app_user_signing_failed_count`);
    await q.query(`ALTER TABLE app_user DROP COLUMN signing_locked_until`);
    await q.query(`ALTER TABLE app_user DROP COLUMN signing_failed_count`);
    await q.query(`ALTER TABLE disposal DROP COLUMN proposer_position`);
    await q.query(`ALTER TABLE disposal DROP COLUMN proposer_name`);
    await q.query(`ALTER TABLE disposal DROP COLUMN signer_password_set_at`);
    await q.query(`DELETE FROM document_signature WHERE meaning = 'submit'`);
    await q.query(`ALTER TABLE document_signature DROP CONSTRAINT ck_document_signature_meaning`);
    await q.query(`ALTER TABLE document_signature ADD CONSTRAINT ck_document_signature_meaning
      CHECK (meaning IN ('review', 'approve', 'issue', 'withdraw'))`);
    await q.query(`ALTER TABLE document_signature DROP COLUMN signer_password_set_at`);
  }
}
