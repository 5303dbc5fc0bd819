import { QueueName, Role } from '@eiso/common';
import { AuthService } from '@eiso/identity';
import { ADMIN_PASSWORD, createTestContext, TestContext, TestUser } from '../support/test-app';

/** The BullMQ dashboard of the services profile: /admin/queues, for the system admin only. */
describe('queue dashboard /admin/queues (services profile)', () => {
  let ctx: TestContext;
  let secretary: TestUser;

  beforeAll(async () => {
    ctx = await createTestContext();
    const agency = await ctx.newAgency();
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary, Role.Approver], agencyId: agency.id });
  });
  afterAll(() => ctx.close());

  const get = (path: string) => ctx.http().get(path);

  it('answers an anonymous caller 401 with the coded body, page and API alike', async () => {
    for (const path of ['/admin/queues', '/admin/queues/', '/admin/queues/api/queues']) {
      const res = await get(path);
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 401,
        code: 'AUTH_REQUIRED',
      });
      expect(res.body.message).toBe('Bạn cần đăng nhập để thực hiện thao tác này.');
      expect(res.body.requestId).toEqual(expect.any(String));
    }
    const forged = await get('/admin/queues').set('Authorization', 'Bearer khong-phai-token');
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('AUTH_INVALID_TOKEN');
  });

  it('answers every other role 403', async () => {
    const agency = await ctx.newAgency();
    for (const role of Object.values(Role).filter((r) => r !== Role.Admin)) {
      const user = await ctx.newUser({ roles: [role], agencyId: agency.id });
      const page = await get('/admin/queues').set('Authorization', user.auth);
      expect({ role, status: page.status, code: page.body.code }).toEqual({
        role,
        status: 403,
        code: 'FORBIDDEN',
      });
      const api = await get('/admin/queues/api/queues').set('Authorization', user.auth);
      expect({ role, status: api.status }).toEqual({ role, status: 403 });
    }
  });

  it('serves the dashboard and its API to the admin, with every queue', async () => {
    const page = await get('/admin/queues').set('Authorization', ctx.admin.auth);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('eISO — hàng đợi công việc');

    const api = await get('/admin/queues/api/queues').set('Authorization', ctx.admin.auth);
    expect(api.status).toBe(200);
    const names = (api.body.queues as { name: string }[]).map((q) => q.name).sort();
    expect(names).toEqual(Object.values(QueueName).sort());
  });

  it('is not under the API prefix', async () => {
    const res = await get('/api/v1/admin/queues').set('Authorization', ctx.admin.auth);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });

  describe('a browser session (cookie)', () => {
    const openSession = (auth: string) =>
      ctx.http().post('/api/v1/admin/queues/session').set('Authorization', auth);
    const cookieOf = (res: { headers: Record<string, unknown> }): string => {
      const header = (res.headers['set-cookie'] as string[] | undefined) ?? [];
      const found = header.find((c) => c.startsWith('eiso_queues='));
      if (!found) throw new Error(`no eiso_queues cookie in ${JSON.stringify(header)}`);
      return found;
    };

    it('is opened by the admin: an HttpOnly, SameSite=Strict cookie for /admin/queues only', async () => {
      const res = await openSession(ctx.admin.auth);
      expect(res.status).toBe(204);
      expect(res.headers['cache-control']).toBe('no-store');
      const cookie = cookieOf(res);
      expect(cookie).toMatch(/; Path=\/admin\/queues(;|$)/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Max-Age=900(;|$)/);

      const page = await get('/admin/queues').set('Cookie', cookie.split(';')[0]);
      expect(page.status).toBe(200);
      expect(page.text).toContain('eISO — hàng đợi công việc');
      // The page's scripts load from under the dashboard's path, with the same cookie.
      expect(page.text).toContain('<base href="/admin/queues/"');
      const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)?.[1];
      const asset = await get(`/admin/queues/${script}`).set('Cookie', cookie.split(';')[0]);
      expect(asset.status).toBe(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      const api = await get('/admin/queues/api/queues').set('Cookie', cookie.split(';')[0]);
      expect(api.status).toBe(200);
    });

    it('is refused to anyone else, and a forged cookie opens nothing', async () => {
      expect((await ctx.http().post('/api/v1/admin/queues/session')).status).toBe(401);
      const refused = await openSession(secretary.auth);
      expect(refused.status).toBe(403);
      expect(refused.headers['set-cookie']).toBeUndefined();
      // A non-admin's own token, put in the cookie by hand, is still a non-admin.
      const own = await get('/admin/queues').set('Cookie', `eiso_queues=${secretary.token}`);
      expect(own.status).toBe(403);
      const forged = await get('/admin/queues').set('Cookie', 'eiso_queues=gia-mao');
      expect(forged.status).toBe(401);
    });

    it('ends with the session it was opened in', async () => {
      const session = await ctx.app.get(AuthService).login('admin', ADMIN_PASSWORD, 'test');
      const cookie = cookieOf(await openSession(`Bearer ${session.accessToken}`)).split(';')[0];
      expect((await get('/admin/queues').set('Cookie', cookie)).status).toBe(200);

      const logout = await ctx
        .http()
        .post('/api/v1/auth/logout')
        .send({ refreshToken: session.refreshToken });
      expect(logout.status).toBe(204);
      const after = await get('/admin/queues').set('Cookie', cookie);
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('AUTH_INVALID_TOKEN');
    });
  });
});
