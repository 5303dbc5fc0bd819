import { Role } from '@eiso/common';
import { createTestContext, TestAgency, TestContext, USER_PASSWORD } from '../support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Sessions end when they are ended, token answers are not cached, request ids are sane. */
describe('sessions', () => {
  let ctx: TestContext;
  let agency: TestAgency;

  beforeAll(async () => {
    ctx = await createTestContext({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    agency = await ctx.newAgency();
  });
  afterAll(() => ctx.close());

  const login = async (username: string, password = USER_PASSWORD) => {
    const res = await ctx.http().post('/api/v1/auth/login').send({ username, password });
    expect(res.status).toBe(200);
    return res;
  };
  const me = (accessToken: string) =>
    ctx.http().get('/api/v1/me').set('Authorization', `Bearer ${accessToken}`);

  it('answers login and refresh with Cache-Control: no-store', async () => {
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const res = await login(user.username);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.pragma).toBe('no-cache');
    const refreshed = await ctx
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: res.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers['cache-control']).toBe('no-store');
    expect(refreshed.headers.pragma).toBe('no-cache');
  });

  it('ends the access token at logout, not 15 minutes later', async () => {
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const session = (await login(user.username)).body;
    const other = (await login(user.username)).body;
    expect((await me(session.accessToken)).status).toBe(200);

    const out = await ctx.http().post('/api/v1/auth/logout').send({ refreshToken: session.refreshToken });
    expect(out.status).toBe(204);
    const after = await me(session.accessToken);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH_INVALID_TOKEN');
    // Only that session: the same user's other login goes on.
    expect((await me(other.accessToken)).status).toBe(200);
  });

  it('keeps a session through refresh, and ends it when a stolen refresh token is replayed', async () => {
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const first = (await login(user.username)).body;
    const refreshed = (
      await ctx.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken })
    ).body;
    // The access token from before the refresh belongs to the same, still open, session.
    expect((await me(first.accessToken)).status).toBe(200);
    expect((await me(refreshed.accessToken)).status).toBe(200);

    const replay = await ctx.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect((await me(refreshed.accessToken)).status).toBe(401);
  });

  it('ends every session of an account deactivated through the API at once', async () => {
    const secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id });
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const session = (await login(user.username)).body;
    expect((await me(session.accessToken)).status).toBe(200);
    const off = await ctx
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set('Authorization', secretary.auth)
      .set('If-Match', '"1"')
      .send({ active: false });
    expect(off.status).toBe(200);
    expect((await me(session.accessToken)).status).toBe(401);
    expect((await me(user.token)).status).toBe(401);
  });

  it('writes a well-formed client request id into the audit trail, and replaces any other', async () => {
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const attempt = (requestId: string) =>
      ctx
        .http()
        .post('/api/v1/auth/login')
        .set('X-Request-Id', requestId)
        .send({ username: user.username, password: 'sai-mat-khau' });
    const requestIdsOfFailures = async () =>
      (
        await ctx.sql<{ request_id: string }>(
          `SELECT request_id FROM audit_event WHERE entity_id = $1 AND action = 'auth.login_failed' ORDER BY seq`,
          [user.id],
        )
      ).map((e) => e.request_id);

    const kept = await attempt('office-pc-0042.login');
    expect(kept.headers['x-request-id']).toBe('office-pc-0042.login');
    expect(kept.body.requestId).toBe('office-pc-0042.login');

    // Four failures in all: the fifth would lock the account for this address.
    for (const forged of ['short', '-dash-first', '<script>1</script>']) {
      const res = await attempt(forged);
      expect(res.status).toBe(401);
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
    }
    const ids = await requestIdsOfFailures();
    expect(ids[0]).toBe('office-pc-0042.login');
    expect(ids.slice(1)).toHaveLength(3);
    for (const id of ids.slice(1)) expect(id).toMatch(UUID);
  });
});
