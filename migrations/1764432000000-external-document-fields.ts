import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What identifies a document of the `external` type (a law, decree, standard, a superior's
 * instruction) in the Danh mục tài liệu bên ngoài (DESIGN §13, "External documents"): issuing body
 * (cơ quan ban hành), number and symbol (số, ký hiệu), date issued, date in force, and where the
 * agency holds it (nơi lưu). Kept per version, like the title: a new edition of an external
 * document is a new version with its own number and dates. Null on every other type.
 */
export class ExternalDocumentFields1764432000000 implements MigrationInterface {
  name = 'ExternalDocumentFields1764432000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_version
      ADD COLUMN issuing_body text,
      ADD COLUMN number_symbol text,
      ADD COLUMN issued_date date,
      ADD COLUMN in_force_date date,
      ADD COLUMN storage_place text`);
    await q.query(`ALTER TABLE document_version ADD CONSTRAINT ck_document_version_in_force_after_issued
      CHECK (in_force_date IS NULL OR issued_date IS NULL OR in_force_date >= issued_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_version DROP CONSTRAINT ck_document_version_in_force_after_issued`);
    await q.query(`ALTER TABLE document_version
      DROP COLUMN storage_place,
      DROP COLUMN in_force_date,
      DROP COLUMN issued_date,
      DROP COLUMN number_symbol,
      DROP COLUMN issuing_body`);
  }
}
