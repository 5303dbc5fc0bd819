import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../support/database';
import { ROOT } from '../support/process';

const run = promisify(execFile);

/** `npm run cli -- …` runs dist/apps/api/src/cli/main.js; the test calls the built file directly. */
describe('command line', () => {
  let db: TestDatabase;
  const cli = (...args: string[]) =>
    run(process.execPath, [join(ROOT, 'dist/apps/api/src/cli/main.js'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, JWT_SECRET: 'x'.repeat(40) },
    });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('imports the agency list idempotently and verifies the audit chain', async () => {
    const file = join(ROOT, 'seed/kontum-agencies-2020.csv');
    const first = await cli('import-agencies', file);
    expect(first.stdout).toContain('Đã nhập 147 cơ quan: tạo mới 147, cập nhật 0, không đổi 0');
    const again = await cli('import-agencies', file);
    expect(again.stdout).toContain('tạo mới 0, cập nhật 0, không đổi 147');

    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ roadmap_year: number; n: number }>(
      'SELECT roadmap_year, count(*)::int AS n FROM agency GROUP BY roadmap_year ORDER BY roadmap_year',
    );
    const { rows: orphans } = await client.query(
      `SELECT name FROM agency WHERE level = 'commune' AND (parent_id IS NULL OR parent_id NOT IN (SELECT id FROM agency WHERE level = 'district'))`,
    );
    await client.end();
    expect(rows).toEqual([
      { roadmap_year: 2025, n: 35 },
      { roadmap_year: 2027, n: 10 },
      { roadmap_year: 2030, n: 102 },
    ]);
    expect(orphans).toEqual([]);

    const verify = await cli('verify-audit-chain');
    expect(verify.stdout).toMatch(/Nhật ký toàn vẹn: đã kiểm tra \d+ bản ghi/);
  });

  it('unlocks an account from every address and account-wide, on the audit trail', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      // An account as failed logins leave it: locked everywhere, and counted from two addresses.
      const id = randomUUID();
      await client.query(
        `INSERT INTO app_user (id, username, full_name, roles, password_hash, failed_login_count, locked_until)
         VALUES ($1, 'khoa.tam', 'Quản trị bị khóa', '{admin}', 'x', 7, now() + interval '15 minutes')`,
        [id],
      );
      await client.query(
        `INSERT INTO login_failure (login_name, address, failed_count, locked_until) VALUES
           ('khoa.tam', '10.0.0.1', 0, now() + interval '15 minutes'),
           ('khoa.tam', '10.0.0.2', 3, NULL),
           ('nguoi.khac', '10.0.0.1', 0, now() + interval '15 minutes')`,
      );
      const out = await cli('unlock', 'Khoa.Tam');
      expect(out.stdout).toContain('Đã mở khóa tài khoản khoa.tam (xóa 2 bộ đếm');

      const { rows: users } = await client.query(
        'SELECT failed_login_count, locked_until FROM app_user WHERE id = $1',
        [id],
      );
      expect(users).toEqual([{ failed_login_count: 0, locked_until: null }]);
      const { rows: counters } = await client.query('SELECT login_name FROM login_failure');
      expect(counters).toEqual([{ login_name: 'nguoi.khac' }]);
      const { rows: events } = await client.query(
        'SELECT action, actor_username FROM audit_event WHERE entity_id = $1',
        [id],
      );
      expect(events).toEqual([{ action: 'auth.unlocked', actor_username: 'system' }]);
    } finally {
      await client.end();
    }
    await expect(cli('unlock', 'khong-co-ai')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('USER_NOT_FOUND'),
    });
  });

  it('explains bad input in Vietnamese with a non-zero exit', async () => {
    await expect(cli('import-agencies', join(ROOT, 'package.json'))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Lỗi'),
    });
    await expect(cli('khong-co-lenh')).rejects.toMatchObject({ code: 2 });
  });
});
