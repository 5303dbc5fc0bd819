import { DataSource } from 'typeorm';
import { dataSourceOptions, loadSqlDump } from '@eiso/database';
import { createTestDatabase, TestDatabase } from '../support/database';

/** `npm run cli -- load-sql`: the way data written by the PGlite builds comes back in. */
describe('loading a data-only SQL dump', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  // The preamble PGlite's pg_dump (PostgreSQL 17) writes, then rows of two tables in name order.
  const dump = (agencyId: string, extra = ''): string => `
SET statement_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SELECT pg_catalog.set_config('search_path', '', false);
INSERT INTO public.org_unit (id, agency_id, name) VALUES ('${agencyId.replace(/.$/, 'f')}', '${agencyId}', 'Văn phòng');
INSERT INTO public.agency (id, name, level, roadmap_year) VALUES ('${agencyId}', 'Sở Tư pháp (nạp từ PGlite) ${agencyId.slice(0, 1)}', 'province_department', 2025);
${extra}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One connection: what the dump does to its session is seen by the next query.
    dataSource = new DataSource({ ...dataSourceOptions(database.url, 1), entities: [] });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('leaves out settings this server lacks, loads rows in any table order and resets the session', async () => {
    const agencyId = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4be1';
    const skipped = await loadSqlDump(dataSource, dump(agencyId));
    expect(skipped).toContain('transaction_timeout');
    const rows = await dataSource.query<{ name: string; units: number }[]>(
      `SELECT a.name, (SELECT count(*)::int FROM org_unit u WHERE u.agency_id = a.id) AS units FROM agency a WHERE a.id = $1`,
      [agencyId],
    );
    expect(rows).toEqual([{ name: 'Sở Tư pháp (nạp từ PGlite) 1', units: 1 }]);
    const [{ path }] = await dataSource.query<{ path: string }[]>(
      `SELECT current_setting('search_path') AS path`,
    );
    expect(path).toContain('public');
  });

  it('loads nothing when one statement fails', async () => {
    const agencyId = '2b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4be2';
    await expect(
      loadSqlDump(dataSource, dump(agencyId, 'INSERT INTO public.no_such_table VALUES (1);')),
    ).rejects.toThrow(/no_such_table/);
    const rows = await dataSource.query(`SELECT id FROM agency WHERE id = $1`, [agencyId]);
    expect(rows).toEqual([]);
  });
});
