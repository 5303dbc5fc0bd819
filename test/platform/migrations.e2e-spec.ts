import { Client } from 'pg';
import { MIGRATIONS } from '@eiso/migrations';
import { revertAllMigrations, runMigrations } from '@eiso/database';
import { dropDatabase, TEST_PG_ADMIN_URL } from '../support/database';

describe('migrations', () => {
  const name = `eiso_mig_${Date.now()}`;
  const url = (() => {
    const u = new URL(TEST_PG_ADMIN_URL);
    u.pathname = `/${name}`;
    return u.toString();
  })();

  beforeAll(async () => {
    const c = new Client({ connectionString: TEST_PG_ADMIN_URL });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
  });
  afterAll(() => dropDatabase(name));

  it('run on a fresh database, revert completely, and run again', async () => {
    expect(await runMigrations(url)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await runMigrations(url)).toEqual([]);
    expect(await revertAllMigrations(url)).toBe(MIGRATIONS.length);
    const c = new Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
    );
    await c.end();
    expect(rows).toEqual([]);
    expect(await runMigrations(url)).toHaveLength(MIGRATIONS.length);
  });
});
