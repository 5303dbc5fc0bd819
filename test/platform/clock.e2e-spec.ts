import { Role } from '@eiso/common';
import { FixedClock } from '../support/fixed-clock';
import { createTestContext, TestContext, USER_PASSWORD } from '../support/test-app';

/**
 * Identity, organizations and the audit trail take "now" from the Clock, never from the system:
 * under a clock fixed months away from today every time they write is the clock's.
 */
describe('domain times come from the Clock', () => {
  const START = '2026-06-15T03:00:00.000Z';
  const LATER = '2026-06-20T08:30:00.000Z';
  const clock = new FixedClock(new Date(START));
  let ctx: TestContext;

  const asAdmin = (method: 'post' | 'patch', path: string, body: object, ifMatch?: string) => {
    const req = ctx.http()[method](`/api/v1${path}`).set('Authorization', ctx.admin.auth);
    return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
  };
  const occurredAt = async (entityId: string): Promise<string[]> =>
    (
      await ctx.sql<{ occurred_at: Date }>(
        'SELECT occurred_at FROM audit_event WHERE entity_id = $1 ORDER BY seq',
        [entityId],
      )
    ).map((e) => e.occurred_at.toISOString());

  beforeAll(async () => {
    ctx = await createTestContext({ TRUST_PROXY: 'loopback' }, { clock });
  });
  afterAll(() => ctx.close());
  beforeEach(() => clock.set(START));

  it('creates the bootstrap admin, and logs in, at the clock’s time', async () => {
    const [admin] = await ctx.sql<{ created_at: Date; updated_at: Date; last_login_at: Date }>(
      `SELECT created_at, updated_at, last_login_at FROM app_user WHERE username = 'admin'`,
    );
    expect([admin.created_at, admin.updated_at, admin.last_login_at].map((d) => d.toISOString())).toEqual([
      START,
      START,
      START,
    ]);
    const [bootstrap] = await ctx.sql<{ occurred_at: Date }>(
      `SELECT occurred_at FROM audit_event WHERE action = 'user.created' ORDER BY seq LIMIT 1`,
    );
    expect(bootstrap.occurred_at.toISOString()).toBe(START);
  });

  it('stamps an agency, its org unit and their audit events with the clock', async () => {
    const created = await asAdmin('post', '/agencies', { name: 'Sở Nội vụ', level: 'province_department' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ createdAt: START, updatedAt: START, validFrom: '2026-06-15' });
    const unit = await asAdmin('post', `/agencies/${created.body.id}/org-units`, { name: 'Văn phòng Sở' });
    expect(unit.status).toBe(201);
    expect(unit.body).toMatchObject({ createdAt: START, updatedAt: START });

    clock.set(LATER);
    const edited = await asAdmin(
      'patch',
      `/agencies/${created.body.id}`,
      { name: 'Sở Nội vụ tỉnh' },
      created.headers.etag,
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ createdAt: START, updatedAt: LATER });
    const unitEdited = await asAdmin(
      'patch',
      `/agencies/${created.body.id}/org-units/${unit.body.id}`,
      { name: 'Văn phòng' },
      unit.headers.etag,
    );
    expect(unitEdited.body).toMatchObject({ createdAt: START, updatedAt: LATER });
    expect(await occurredAt(created.body.id)).toEqual([START, LATER]);
    expect(await occurredAt(unit.body.id)).toEqual([START, LATER]);
  });

  it('stamps a user, a reset password and their audit events with the clock', async () => {
    const agency = await ctx.newAgency();
    const created = await asAdmin('post', '/users', {
      username: 'clock.user',
      fullName: 'Lê Thị Mai',
      password: USER_PASSWORD,
      agencyId: agency.id,
      roles: [Role.Staff],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ createdAt: START, updatedAt: START });

    clock.set(LATER);
    const reset = await asAdmin(
      'patch',
      `/users/${created.body.id}`,
      { password: 'MatKhau-Moi-2026' },
      created.headers.etag,
    );
    expect(reset.status).toBe(200);
    // The answer carries the time just written, as the row does.
    expect(reset.body).toMatchObject({ createdAt: START, updatedAt: LATER });
    const [row] = await ctx.sql<{ updated_at: Date; password_changed_at: Date }>(
      'SELECT updated_at, password_changed_at FROM app_user WHERE id = $1',
      [created.body.id],
    );
    expect(row.updated_at.toISOString()).toBe(LATER);
    // A password's epoch ends sessions, which count real time (session-clock.ts), not the Clock.
    expect(Math.abs(row.password_changed_at.getTime() - Date.now())).toBeLessThan(600_000);
    expect(await occurredAt(created.body.id)).toEqual([START, LATER]);
  });

  it('locks and unlocks logins by the clock', async () => {
    const agency = await ctx.newAgency();
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const login = (password: string) =>
      ctx
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', '10.9.0.1')
        .send({ username: user.username, password });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await login('sai-mat-khau'));
    expect(answers[4].status).toBe(423);
    expect(answers[4].body.details.lockedUntil).toBe('2026-06-15T03:15:00.000Z');
    clock.set('2026-06-15T03:14:59Z');
    expect((await login(USER_PASSWORD)).status).toBe(423);
    clock.set('2026-06-15T03:15:01Z');
    expect((await login(USER_PASSWORD)).status).toBe(200);
  });
});
