import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, RunningProcess, startProcess, waitForOk } from '../support/process';

const DEMO_PASSWORD = 'Thu-nghiem-2026';

/**
 * `npm start` on an empty data directory: the demo province is loaded once (DESIGN §2), every
 * role has an account to log in with, and a restart adds nothing.
 */
describe('embedded profile: the demo province', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eiso-demo-'));
  let port: number;
  let api: RunningProcess | undefined;
  const base = (): string => `http://127.0.0.1:${port}/api/v1`;

  const start = async (): Promise<RunningProcess> => {
    api = startProcess('dist/apps/api/src/main.js', {
      EISO_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      EISO_ADMIN_PASSWORD: 'Quantri-2026',
      EISO_DEMO_PASSWORD: DEMO_PASSWORD,
    });
    await waitForOk(`http://127.0.0.1:${port}/health/ready`, api, 90_000);
    return api;
  };

  const login = async (username: string, password = DEMO_PASSWORD): Promise<Record<string, string>> => {
    const res = await fetch(`${base()}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect({ username, status: res.status }).toEqual({ username, status: 200 });
    return { Authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
  };

  const get = async <T>(path: string, headers: Record<string, string>): Promise<T> => {
    const res = await fetch(`${base()}${path}`, { headers });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    port = await freePort();
    await start();
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says in the log what it loaded and who can log in, without printing a password it was given', async () => {
    // The lines are written before the API listens, but the pipe from the child may deliver them
    // after the readiness answer: read the output once it holds the seeding summary.
    for (let waited = 0; waited < 10_000 && !api!.output().includes('Dữ liệu mẫu:'); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const log = api!.output();
    expect(log).toContain('Dữ liệu mẫu: đã nạp 147 cơ quan theo lộ trình của tỉnh Kon Tum');
    expect(log).toContain('stp.thuky — Nguyễn Thị Thu Hà, thư ký ISO');
    expect(log).toContain('skhcn.giamsat — Hoàng Văn Tuấn, giám sát (Sở KH&CN)');
    expect(log).toContain('Mật khẩu của các tài khoản mẫu: giá trị EISO_DEMO_PASSWORD.');
    expect(log).not.toContain(DEMO_PASSWORD);
  });

  it('keeps the first admin, and gives every agency role an account in Sở Tư pháp', async () => {
    const admin = await login('admin', 'Quantri-2026');
    // The 147 agencies of the list under the province, their governing body.
    const agencies = await get<{ total: number }>('/agencies?pageSize=1', admin);
    expect(agencies.total).toBe(148);
    const users = await get<{ items: { username: string; roles: string[]; agencyId: string | null }[] }>(
      '/users?pageSize=100',
      admin,
    );
    const byName = new Map(users.items.map((u) => [u.username, u]));
    expect(byName.get('admin')?.roles).toEqual(['admin']);
    const roles = [
      'stp.thuky',
      'stp.soanthao',
      'stp.xemxet',
      'stp.giamdoc',
      'stp.chuyenvien',
      'stp.danhgia',
    ].map((username) => byName.get(username)!.roles[0]);
    expect(roles).toEqual(['iso_secretary', 'drafter', 'reviewer', 'approver', 'staff', 'auditor']);
    const demoAgency = await get<{ name: string; parentId: string }>(
      `/agencies/${byName.get('stp.thuky')!.agencyId}`,
      admin,
    );
    expect(demoAgency).toMatchObject({ name: 'Sở Tư pháp', abbreviation: 'STP', place: 'Kon Tum' });
    const province = await get<{ name: string }>(`/agencies/${demoAgency.parentId}`, admin);
    expect(province).toMatchObject({
      name: 'Ủy ban nhân dân tỉnh Kon Tum',
      level: 'province',
      abbreviation: 'UBND',
    });
    const overseerAgency = await get<{ name: string }>(
      `/agencies/${byName.get('skhcn.giamsat')!.agencyId}`,
      admin,
    );
    expect(overseerAgency.name).toBe('Sở Khoa học và Công nghệ');
  });

  it('lets the demo accounts work: the ISO secretary sees the Danh mục hồ sơ, the drafter drafts', async () => {
    const secretary = await login('stp.thuky');
    const types = await get<{ items: { code: string; name: string; retentionMonths: number }[] }>(
      '/record-types',
      secretary,
    );
    expect(types.items.map((t) => [t.code, t.name, t.retentionMonths]).sort()).toEqual([
      ['HS-DGNB', 'Hồ sơ đánh giá nội bộ HTQLCL', 36],
      ['HS-LLTP', 'Hồ sơ cấp Phiếu lý lịch tư pháp', 60],
    ]);
    const drafter = await login('stp.soanthao');
    const draft = await fetch(`${base()}/documents`, {
      method: 'POST',
      headers: { ...drafter, 'content-type': 'application/json' },
      body: JSON.stringify({
        code: 'QT-LLTP-01',
        title: 'Quy trình cấp Phiếu lý lịch tư pháp',
        type: 'procedure',
      }),
    });
    expect(draft.status).toBe(201);
    await login('skhcn.giamsat');
  });

  it('adds nothing on the next start', async () => {
    expect(await api!.stop()).toBe(0);
    const again = await start();
    expect(again.output()).not.toContain('Dữ liệu mẫu');
    const admin = await login('admin', 'Quantri-2026');
    expect((await get<{ total: number }>('/agencies?pageSize=1', admin)).total).toBe(148);
    const users = await get<{ total: number }>('/users?pageSize=1', admin);
    expect(users.total).toBe(8);
  }, 120_000);
});
