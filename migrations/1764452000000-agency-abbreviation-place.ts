import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the official heading of a generated document needs from its agency (Nghị định
 * 30/2020/NĐ-CP, Phụ lục I): the abbreviation (ký hiệu, "STP" in "Số: 01/BB-STP") and the place name
 * (địa danh, "Kon Tum" in "Kon Tum, ngày 03 tháng 12 năm 2026"). Both optional: an agency without a
 * place takes the nearest one above it (the province), one without an abbreviation prints a number
 * without it. The abbreviation follows a slash in the number, so it holds no slash and no space.
 */
export class AgencyAbbreviationPlace1764452000000 implements MigrationInterface {
  name = 'AgencyAbbreviationPlace1764452000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency ADD COLUMN abbreviation text, ADD COLUMN place text`);
    await q.query(`ALTER TABLE agency ADD CONSTRAINT ck_agency_abbreviation
      CHECK (abbreviation IS NULL OR (char_length(abbreviation) BETWEEN 1 AND 20 AND abbreviation !~ '[[:space:]/]'))`);
    await q.query(`ALTER TABLE agency ADD CONSTRAINT ck_agency_place
      CHECK (place IS NULL OR (char_length(place) BETWEEN 1 AND 100 AND place = btrim(place)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency DROP CONSTRAINT ck_agency_place`);
    await q.query(`ALTER TABLE agency DROP CONSTRAINT ck_agency_abbreviation`);
    await q.query(`ALTER TABLE agency DROP COLUMN place, DROP COLUMN abbreviation`);
  }
}
