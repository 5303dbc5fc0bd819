import { Role } from '@eiso/common';
import { ADMIN_PASSWORD, createTestContext, TestContext, USER_PASSWORD } from '../support/test-app';

describe('authentication (real PostgreSQL)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext({ LOGIN_RATE_LIMIT_PER_MINUTE: '15' });
  });
  afterAll(() => ctx.close());

  it('creates the admin account on first start and logs it in', async () => {
    const res = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', user: { username: 'admin', roles: ['admin'] } });
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(res.body.user.passwordHash).toBeUndefined();

    const me = await ctx.http().get('/api/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('admin');
  });

  it('refuses a wrong password with a coded Vietnamese error and a request id', async () => {
    const res = await ctx
      .http()
      .post('/api/v1/auth/login')
      .set('X-Request-Id', 'req-wrong-password')
      .send({ username: 'admin', password: 'sai-mat-khau' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 'AUTH_INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      requestId: 'req-wrong-password',
    });
    expect(res.headers['x-request-id']).toBe('req-wrong-password');
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'khong-ton-tai', password: 'x' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('rejects malformed input with 400 and the fields at fault', async () => {
    const res = await ctx.http().post('/api/v1/auth/login').send({ username: 'admin', extra: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.details.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['extra', 'password']);
  });

  it('locks an account for its address for 15 minutes after 5 failed logins, even for the right password', async () => {
    const agency = await ctx.newAgency();
    const user = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id });
    for (let i = 1; i <= 4; i++) {
      const res = await ctx
        .http()
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: 'sai' });
      expect(res.status).toBe(401);
    }
    const fifth = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: 'sai' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe('AUTH_ACCOUNT_LOCKED');
    const lockedUntil = new Date(fifth.body.details.lockedUntil as string).getTime();
    expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const right = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: USER_PASSWORD });
    expect(right.status).toBe(423);

    // The lock is this account's from this address (test/platform/auth-lockout covers the others).
    const [account] = await ctx.sql<{ locked_until: Date | null }>(
      'SELECT locked_until FROM app_user WHERE id = $1',
      [user.id],
    );
    expect(account.locked_until).toBeNull();
    // 15 minutes later (moved in the database rather than waited for).
    await ctx.sql(
      `UPDATE login_failure SET locked_until = now() - interval '1 second' WHERE login_name = $1`,
      [user.username],
    );
    const later = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: USER_PASSWORD });
    expect(later.status).toBe(200);

    const events = await ctx.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq`,
      [user.id],
    );
    expect(events.map((e) => e.action)).toEqual([
      'user.created',
      'auth.login',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.locked',
      'auth.login',
    ]);
  });

  it('rotates refresh tokens and revokes the whole family when an old one is replayed', async () => {
    const agency = await ctx.newAgency();
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const login = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: USER_PASSWORD });
    const first = login.body.refreshToken as string;

    const refreshed = await ctx.http().post('/api/v1/auth/refresh').send({ refreshToken: first });
    expect(refreshed.status).toBe(200);
    const second = refreshed.body.refreshToken as string;
    expect(second).not.toBe(first);
    const me = await ctx
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`);
    expect(me.body.username).toBe(user.username);

    const replay = await ctx.http().post('/api/v1/auth/refresh').send({ refreshToken: first });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH_INVALID_REFRESH_TOKEN');
    // The replay revoked the token that was handed out after it, too.
    const afterReplay = await ctx.http().post('/api/v1/auth/refresh').send({ refreshToken: second });
    expect(afterReplay.status).toBe(401);
  });

  it('logs out by revoking the refresh token', async () => {
    const login = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'admin', password: ADMIN_PASSWORD });
    const out = await ctx.http().post('/api/v1/auth/logout').send({ refreshToken: login.body.refreshToken });
    expect(out.status).toBe(204);
    const again = await ctx
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: login.body.refreshToken });
    expect(again.status).toBe(401);
  });

  it('refuses missing, forged and revoked access tokens', async () => {
    expect((await ctx.http().get('/api/v1/me')).body.code).toBe('AUTH_REQUIRED');
    const forged = await ctx.http().get('/api/v1/me').set('Authorization', 'Bearer abc.def.ghi');
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('AUTH_INVALID_TOKEN');

    const agency = await ctx.newAgency();
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const ok = await ctx.http().get('/api/v1/me').set('Authorization', user.auth);
    expect(ok.status).toBe(200);
    await ctx.sql(`UPDATE app_user SET active = false WHERE id = $1`, [user.id]);
    const deactivated = await ctx.http().get('/api/v1/me').set('Authorization', user.auth);
    expect(deactivated.status).toBe(401);
  });

  it('rate-limits login attempts from one address, whatever X-Forwarded-For it makes up', async () => {
    let limited: { status: number; body: { code: string }; headers: Record<string, string> } | undefined;
    for (let i = 0; i < 20 && !limited; i++) {
      // No TRUST_PROXY here: a forged header from the agency's network must not buy a fresh budget.
      const res = await ctx
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `10.9.${i}.${i + 1}`)
        .send({ username: 'ai-do', password: 'x' });
      if (res.status === 429) limited = res;
    }
    expect(limited?.body.code).toBe('RATE_LIMITED');
    expect(limited?.headers['retry-after']).toBeDefined();
  });
});
