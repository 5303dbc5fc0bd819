import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Record search always names one agency, but the trigram index covered the whole province: a
 * common word matched tens of thousands of rows of other agencies, each re-checked and thrown
 * away (0.6–1.2 s per search at 1,000,000 records, stalling the pool under load; bench:reads).
 * With agency_id inside the GIN index (btree_gin) the index answers only the agency's rows.
 */
export class RecordSearchByAgency1764410000000 implements MigrationInterface {
  name = 'RecordSearchByAgency1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await q.query(
      `CREATE INDEX ix_record_search_agency_text ON record_search
         USING gin (agency_id, eiso_fold(text) gin_trgm_ops)`,
    );
    await q.query(`DROP INDEX ix_record_search_text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_record_search_text ON record_search USING gin (eiso_fold(text) gin_trgm_ops)`,
    );
    await q.query(`DROP INDEX ix_record_search_agency_text`);
    await q.query(`DROP EXTENSION IF EXISTS btree_gin`);
  }
}
