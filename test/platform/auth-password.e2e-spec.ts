import { Role } from '@eiso/common';
import { headerOf, startSmtpServer, TestSmtpServer, textOf } from '../notifications/smtp-test-server';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { createTestContext, TestAgency, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

const TEMPORARY = 'TamThoi-2026';
const OWN = 'CuaRieng-789';

/**
 * A password set by anyone but its holder is temporary: the account can do nothing but change it
 * (signature takeover: the secretary who set the head's password must not sign as the head).
 */
describe('temporary passwords and changing one’s own', () => {
  let smtp: TestSmtpServer;
  let ctx: TestContext;
  let agency: TestAgency;
  let secretary: TestUser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    ctx = await createTestContext(
      { LOGIN_RATE_LIMIT_PER_MINUTE: '10000', SMTP_URL: smtp.url },
      { worker: true },
    );
    agency = await ctx.newAgency();
    secretary = await ctx.newUser({
      roles: [Role.IsoSecretary],
      agencyId: agency.id,
      fullName: 'Phạm Thị Thư',
    });
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.stop();
  });

  const reset = (by: TestUser, user: { id: string }, password: string, version = 1) =>
    ctx
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set('Authorization', by.auth)
      .set('If-Match', `"${version}"`)
      .send({ password });
  const login = (username: string, password: string) =>
    ctx.http().post('/api/v1/auth/login').send({ username, password });
  const bearer = (token: string) => `Bearer ${token}`;
  const changePassword = (token: string, currentPassword: string, newPassword: string) =>
    ctx
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', bearer(token))
      .send({ currentPassword, newPassword });

  it('makes the password given at account creation temporary too', async () => {
    const created = await ctx
      .http()
      .post('/api/v1/users')
      .set('Authorization', secretary.auth)
      .send({
        username: `moi.${Date.now()}`,
        fullName: 'Cán bộ mới',
        password: TEMPORARY,
        agencyId: agency.id,
        roles: [Role.Drafter],
      });
    expect(created.status).toBe(201);
    expect(created.body.mustChangePassword).toBe(true);
    const first = await login(created.body.username, TEMPORARY);
    expect(first.status).toBe(200);
    const refused = await ctx
      .http()
      .get('/api/v1/documents')
      .set('Authorization', bearer(first.body.accessToken));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    const changed = await changePassword(first.body.accessToken, TEMPORARY, OWN);
    expect(changed.status).toBe(200);
    const works = await ctx
      .http()
      .get('/api/v1/documents')
      .set('Authorization', bearer(changed.body.accessToken));
    expect(works.status).toBe(200);
  });

  it('lets an account with a reset password do nothing but change it, then works as usual', async () => {
    const user = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id });
    const reset1 = await reset(secretary, user, TEMPORARY);
    expect(reset1.status).toBe(200);
    expect(reset1.body.mustChangePassword).toBe(true);

    const temp = await login(user.username, TEMPORARY);
    expect(temp.status).toBe(200);
    expect(temp.body.user.mustChangePassword).toBe(true);
    const token = temp.body.accessToken as string;
    for (const path of ['/api/v1/documents', '/api/v1/notifications', `/api/v1/users/${user.id}`]) {
      const refused = await ctx.http().get(path).set('Authorization', bearer(token));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
      expect(refused.body.message).toMatch(/đổi mật khẩu/);
    }
    const draft = await ctx
      .http()
      .post('/api/v1/documents')
      .set('Authorization', bearer(token))
      .send({ code: 'QT-TAM-01', title: 'Quy trình', type: 'procedure' });
    expect(draft.body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    const profile = await ctx.http().get('/api/v1/me').set('Authorization', bearer(token));
    expect(profile.status).toBe(200);
    expect(profile.body.mustChangePassword).toBe(true);

    const wrong = await changePassword(token, 'khong-phai', OWN);
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('AUTH_CURRENT_PASSWORD_INVALID');
    const same = await changePassword(token, TEMPORARY, TEMPORARY);
    expect(same.status).toBe(422);
    expect(same.body.code).toBe('AUTH_PASSWORD_UNCHANGED');
    const weak = await changePassword(token, TEMPORARY, 'abc');
    expect(weak.status).toBe(400);

    const changed = await changePassword(token, TEMPORARY, OWN);
    expect(changed.status).toBe(200);
    expect(changed.headers['cache-control']).toBe('no-store');
    expect(changed.body.user.mustChangePassword).toBe(false);
    const fresh = changed.body.accessToken as string;
    expect((await ctx.http().get('/api/v1/documents').set('Authorization', bearer(fresh))).status).toBe(200);
    // Every other session of the account ended with the change, the temporary one included.
    expect((await ctx.http().get('/api/v1/me').set('Authorization', bearer(token))).status).toBe(401);
    expect((await login(user.username, TEMPORARY)).status).toBe(401);
    expect((await login(user.username, OWN)).status).toBe(200);

    const events = await ctx.sql<{ action: string; actor_id: string }>(
      `SELECT action, actor_id FROM audit_event WHERE entity_id = $1 AND action LIKE 'user.%' ORDER BY seq`,
      [user.id],
    );
    expect(events).toEqual([
      { action: 'user.created', actor_id: ctx.admin.id },
      { action: 'user.updated_password_reset', actor_id: secretary.id },
      { action: 'user.password_changed', actor_id: user.id },
    ]);
  });

  it('tells the holder of every reset, in the app and by e-mail', async () => {
    const user = await ctx.newUser({
      roles: [Role.Staff],
      agencyId: agency.id,
      email: 'nguoi.bi.dat.lai@kontum.gov.vn',
    });
    smtp.received.length = 0;
    expect((await reset(secretary, user, TEMPORARY)).status).toBe(200);
    expect((await reset(ctx.admin, user, `${TEMPORARY}-2`, 2)).status).toBe(200);

    const rows = await ctx.sql<{ kind: string; title: string; body: string }>(
      `SELECT kind, title, body FROM notification WHERE user_id = $1 ORDER BY created_at`,
      [user.id],
    );
    expect(rows.map((r) => r.kind)).toEqual(['user.password_reset', 'user.password_reset']);
    expect(rows[0].title).toBe('Mật khẩu của bạn đã được đặt lại');
    expect(rows[0].body).toContain(`Phạm Thị Thư (${secretary.username})`);
    expect(rows[1].body).toContain('(admin)');

    await waitForQueuesToDrain(ctx.app, 20_000);
    const mails = smtp.received.filter((m) => m.to.includes('nguoi.bi.dat.lai@kontum.gov.vn'));
    expect(mails).toHaveLength(2);
    expect(headerOf(mails[0].raw, 'Subject')).toBe('Mật khẩu của bạn đã được đặt lại');
    expect(textOf(mails[0].raw)).toContain('phải đổi sang mật khẩu của riêng mình');
  });

  it('lets a user change their own password with the current one, ending their other sessions', async () => {
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const elsewhere = (await login(user.username, USER_PASSWORD)).body.accessToken as string;
    const changed = await changePassword(user.token, USER_PASSWORD, OWN);
    expect(changed.status).toBe(200);
    expect((await ctx.http().get('/api/v1/me').set('Authorization', bearer(elsewhere))).status).toBe(401);
    expect(
      (await ctx.http().get('/api/v1/me').set('Authorization', bearer(changed.body.accessToken))).status,
    ).toBe(200);
    const [row] = await ctx.sql<{ must_change_password: boolean; version: number }>(
      'SELECT must_change_password, version FROM app_user WHERE id = $1',
      [user.id],
    );
    expect(row).toEqual({ must_change_password: false, version: 2 });
  });
});
