import { execFile } from 'node:child_process';
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

  it('explains bad input in Vietnamese with a non-zero exit', async () => {
    await expect(cli('import-agencies', join(ROOT, 'package.json'))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Lỗi'),
    });
    await expect(cli('khong-co-lenh')).rejects.toMatchObject({ code: 2 });
  });
});
