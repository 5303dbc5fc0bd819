import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versions issued with a future effective date (DESIGN §13, "Scheduled versions").
 *
 * `scheduled` ("Đã ban hành, chờ hiệu lực"): issued and signed, readable and acknowledgeable, but
 * the version in force stays effective until the daily `documents.activate-scheduled` job makes it
 * effective on its date. At most one per document (the newest issue cancels an older one), and
 * `document.scheduled_version_id` points at it, next to `current_version_id`, so that the register
 * and the document view read both without a search.
 */
export class ScheduledVersions1764433000000 implements MigrationInterface {
  name = 'ScheduledVersions1764433000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_version DROP CONSTRAINT ck_document_version_state`);
    await q.query(`ALTER TABLE document_version ADD CONSTRAINT ck_document_version_state CHECK (state IN
      ('draft', 'in_review', 'awaiting_approval', 'approved', 'scheduled', 'effective', 'superseded', 'obsolete'))`);
    await q.query(`CREATE UNIQUE INDEX ux_document_version_one_scheduled ON document_version (document_id)
      WHERE state = 'scheduled'`);
    await q.query(`CREATE INDEX ix_document_version_scheduled_from ON document_version (effective_from)
      WHERE state = 'scheduled'`);
    await q.query(`ALTER TABLE document ADD COLUMN scheduled_version_id uuid`);
    await q.query(`ALTER TABLE document ADD CONSTRAINT fk_document_scheduled_version
      FOREIGN KEY (scheduled_version_id) REFERENCES document_version (id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document DROP CONSTRAINT fk_document_scheduled_version`);
    await q.query(`ALTER TABLE document DROP COLUMN scheduled_version_id`);
    await q.query(`DROP INDEX ix_document_version_scheduled_from`);
    await q.query(`DROP INDEX ux_document_version_one_scheduled`);
    await q.query(`UPDATE document_version SET state = 'approved' WHERE state = 'scheduled'`);
    await q.query(`ALTER TABLE document_version DROP CONSTRAINT ck_document_version_state`);
    await q.query(`ALTER TABLE document_version ADD CONSTRAINT ck_document_version_state CHECK (state IN
      ('draft', 'in_review', 'awaiting_approval', 'approved', 'effective', 'superseded', 'obsolete'))`);
  }
}
