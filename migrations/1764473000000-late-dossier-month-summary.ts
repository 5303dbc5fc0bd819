import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A month's late dossiers raised as one nonconformity from the one-stop-shop figures (objectives):
 * the export counts dossiers, not days, so such a summary has no day count. A dossier filed by hand
 * still needs one (the service requires it; the check keeps it at least 1 when present).
 */
export class LateDossierMonthSummary1764473000000 implements MigrationInterface {
  name = 'LateDossierMonthSummary1764473000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE nonconformity DROP CONSTRAINT ck_nonconformity_late_dossier`);
    await q.query(`ALTER TABLE nonconformity ADD CONSTRAINT ck_nonconformity_late_dossier CHECK (
      source <> 'late_dossier'
      OR (tthc_code IS NOT NULL AND dossier_number IS NOT NULL AND (days_late IS NULL OR days_late >= 1)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE nonconformity SET days_late = 1 WHERE source = 'late_dossier' AND days_late IS NULL`,
    );
    await q.query(`ALTER TABLE nonconformity DROP CONSTRAINT ck_nonconformity_late_dossier`);
    await q.query(`ALTER TABLE nonconformity ADD CONSTRAINT ck_nonconformity_late_dossier CHECK (
      source <> 'late_dossier' OR (tthc_code IS NOT NULL AND dossier_number IS NOT NULL AND days_late >= 1))`);
  }
}
