import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPdfText } from '@eiso/pdf/testing';
import { samplePdf } from '../support/files';
import { freePort, ROOT, RunningProcess, startProcess, waitForOk } from '../support/process';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The embedded profile as `npm start` runs it: the built API with nothing configured but a data
 * directory and a port: PGlite, local files, in-process jobs.
 */
describe('embedded profile (no DATABASE_URL, REDIS_URL or S3)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eiso-embedded-'));
  let port: number;
  let api: RunningProcess | undefined;
  const base = (): string => `http://127.0.0.1:${port}`;

  const start = async (): Promise<void> => {
    api = startProcess('dist/apps/api/src/main.js', {
      EISO_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      EISO_ADMIN_PASSWORD: 'Quantri-2026',
      // This suite imports the Kon Tum list itself; demo-seed.e2e-spec.ts covers the seeded start.
      EISO_DEMO_SEED: 'false',
    });
    await waitForOk(`${base()}/health/ready`, api, 60_000);
  };

  const login = async (): Promise<string> => {
    const res = await fetch(`${base()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Quantri-2026' }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };

  beforeAll(async () => {
    port = await freePort();
    await start();
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, says which profile it runs and where the docs are', () => {
    const log = api!.output();
    expect(log).toMatch(/Hồ sơ embedded: PostgreSQL 16\.\d+ nhúng/);
    expect(log).toContain('Hàng đợi công việc: chạy trong tiến trình (embedded)');
    expect(log).toContain('Lưu trữ tệp: ổ đĩa cục bộ');
    expect(log).toContain(`tài liệu API: http://localhost:${port}/api/docs`);
    expect(log).toContain(`ứng dụng web: http://localhost:${port}/`);
  });

  it('serves the web app at / and its client routes', async () => {
    for (const path of ['/', '/documents/in-force']) {
      const page = await fetch(`${base()}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await page.text()).toContain('<div id="root"></div>');
    }
  });

  it('logs in, imports the Kon Tum list, searches without accents and verifies the chain', async () => {
    const token = await login();
    const auth = { Authorization: `Bearer ${token}` };
    const form = new FormData();
    const csv = readFileSync(join(ROOT, 'seed/kontum-agencies-2020.csv'));
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'kontum-agencies-2020.csv');
    const imported = await fetch(`${base()}/api/v1/agencies/import`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    expect(imported.status).toBe(201);
    expect(await imported.json()).toMatchObject({
      total: 147,
      created: 147,
      byRoadmapYear: { 2025: 35, 2027: 10, 2030: 102 },
    });

    const search = await fetch(`${base()}/api/v1/agencies?q=${encodeURIComponent('dak ha')}&level=district`, {
      headers: auth,
    });
    const found = (await search.json()) as { items: { name: string }[]; total: number };
    expect(found.items.map((a) => a.name)).toEqual(['Ủy ban nhân dân huyện Đăk Hà']);

    const verify = await fetch(`${base()}/api/v1/audit-events/verify`, { headers: auth });
    expect(await verify.json()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('runs a document from draft to controlled copy with in-process jobs and files on disk', async () => {
    const admin = { 'content-type': 'application/json', Authorization: `Bearer ${await login()}` };
    const post = async (path: string, body: object, headers: Record<string, string> = admin) => {
      const res = await fetch(`${base()}/api/v1${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    const agency = await post('/agencies', {
      name: 'Sở Nội vụ (thử nghiệm embedded)',
      level: 'province_department',
      roadmapYear: 2025,
    });
    const tokens: Record<string, Record<string, string>> = {};
    for (const role of ['drafter', 'reviewer', 'approver', 'iso_secretary']) {
      const username = `embedded.${role}`;
      await post('/users', {
        username,
        fullName: `Cán bộ ${role}`,
        password: 'Tam-Thoi-123',
        agencyId: agency.body.id,
        roles: [role],
      });
      const first = await post(
        '/auth/login',
        { username, password: 'Tam-Thoi-123' },
        { 'content-type': 'application/json' },
      );
      // The administrator's password is temporary: the holder sets their own before anything else.
      const session = await post(
        '/me/password',
        { currentPassword: 'Tam-Thoi-123', newPassword: 'MatKhau-123' },
        { 'content-type': 'application/json', Authorization: `Bearer ${first.body.accessToken}` },
      );
      expect(session.status).toBe(200);
      tokens[role] = {
        'content-type': 'application/json',
        Authorization: `Bearer ${session.body.accessToken}`,
      };
    }
    const doc = await post(
      '/documents',
      { code: 'QT-NV-01', title: 'Quy trình tiếp nhận hồ sơ', type: 'procedure' },
      tokens.drafter,
    );
    expect(doc.status).toBe(201);
    const path = `/documents/${doc.body.id}/versions/${doc.body.currentVersion.id}`;
    const form = new FormData();
    form.append('kind', 'primary');
    form.append(
      'file',
      new Blob([await samplePdf('QT-NV-01')], { type: 'application/pdf' }),
      'quy-trinh.pdf',
    );
    const upload = await fetch(`${base()}/api/v1${path}/files`, {
      method: 'POST',
      headers: { Authorization: tokens.drafter.Authorization },
      body: form,
    });
    expect(upload.status).toBe(201);
    expect((await post(`${path}/submit`, {}, tokens.drafter)).body.state).toBe('in_review');
    expect((await post(`${path}/review`, { decision: 'approve' }, tokens.reviewer)).body.state).toBe(
      'awaiting_approval',
    );
    expect((await post(`${path}/approve`, { password: 'MatKhau-123' }, tokens.approver)).body.state).toBe(
      'approved',
    );
    expect((await post(`${path}/issue`, { password: 'MatKhau-123' }, tokens.iso_secretary)).body.state).toBe(
      'effective',
    );
    const copy = await fetch(`${base()}/api/v1${path}/controlled-copy`, { headers: tokens.drafter });
    expect(copy.status).toBe(200);
    expect(await extractPdfText(Buffer.from(await copy.arrayBuffer()))).toContain('BẢN CÓ KIỂM SOÁT');
    expect(readdirSync(join(dataDir, 'files'), { recursive: true }).length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a second process on the same data directory', async () => {
    const cli = startProcess('dist/apps/api/src/cli/main.js', { EISO_DATA_DIR: dataDir }, [
      'verify-audit-chain',
    ]);
    expect(await cli.exited()).toBe(1);
    expect(cli.output()).toContain('đang được tiến trình');
  });

  it('stops cleanly on SIGTERM and keeps its data across a restart', async () => {
    expect(await api!.stop()).toBe(0);
    await start();
    expect(api!.output()).not.toContain('Đã tạo tài khoản quản trị');
    const token = await login();
    const res = await fetch(`${base()}/api/v1/agencies?pageSize=1`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    // The 147 imported agencies and the one created for the document test.
    expect(((await res.json()) as { total: number }).total).toBe(148);
  }, 90_000);
});
