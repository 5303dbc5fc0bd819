import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One controlled-copy render per version state (DESIGN §13, "No object without a row").
 *
 * `controlled_copy_claimed_at`: set by the one process that renders the version's copy, cleared when
 * the row names the stored copy. Others wait for the copy instead of rendering their own; a claim
 * older than the render deadline was left by a killed process and may be taken over. No connection
 * or transaction is held while rendering.
 */
export class ControlledCopyClaim1764441000000 implements MigrationInterface {
  name = 'ControlledCopyClaim1764441000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_version ADD COLUMN controlled_copy_claimed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_version DROP COLUMN controlled_copy_claimed_at`);
  }
}
