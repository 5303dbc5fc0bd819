import { Role } from '@eiso/common';
import { createTestContext, TestContext, USER_PASSWORD } from '../support/test-app';

describe('audit trail: append-only hash chain', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('keeps one linear chain under concurrent writers', async () => {
    const agency = await ctx.newAgency();
    const writes = Array.from({ length: 20 }, (_, i) =>
      ctx
        .http()
        .post('/api/v1/users')
        .set('Authorization', ctx.admin.auth)
        .send({
          username: `song.song.${i}`,
          fullName: `Người thứ ${i}`,
          password: USER_PASSWORD,
          agencyId: agency.id,
          roles: [Role.Staff],
        }),
    );
    const results = await Promise.all(writes);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));

    const verify = await ctx.http().get('/api/v1/audit-events/verify').set('Authorization', ctx.admin.auth);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, firstBroken: null });
    expect(verify.body.checked).toBeGreaterThanOrEqual(22);
  });

  it('lists events with filters and paging', async () => {
    const agency = await ctx.newAgency();
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const res = await ctx
      .http()
      .get(`/api/v1/audit-events?entityType=user&entityId=${user.id}&order=asc`)
      .set('Authorization', ctx.admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['user.created', 'auth.login']);
    expect(res.body.items[0]).toMatchObject({
      actorUsername: 'admin',
      agencyId: agency.id,
      entityType: 'user',
    });

    const byActor = await ctx
      .http()
      .get(`/api/v1/audit-events?actorId=${ctx.admin.id}&pageSize=2`)
      .set('Authorization', ctx.admin.auth);
    expect(byActor.body.items).toHaveLength(2);
    expect(byActor.body.total).toBeGreaterThan(2);

    const future = await ctx
      .http()
      .get(`/api/v1/audit-events?from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`)
      .set('Authorization', ctx.admin.auth);
    expect(future.body.total).toBe(0);
  });

  it('shows an ISO secretary only their own agency’s events, and refuses verification to them', async () => {
    const a = await ctx.newAgency();
    const b = await ctx.newAgency();
    const secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: a.id });
    await ctx.newUser({ roles: [Role.Staff], agencyId: b.id });
    const res = await ctx
      .http()
      .get('/api/v1/audit-events?pageSize=100')
      .set('Authorization', secretary.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((e: { agencyId: string }) => e.agencyId === a.id)).toBe(true);
    const other = await ctx
      .http()
      .get(`/api/v1/audit-events?agencyId=${b.id}`)
      .set('Authorization', secretary.auth);
    expect(other.body.total).toBe(0);
    const verify = await ctx.http().get('/api/v1/audit-events/verify').set('Authorization', secretary.auth);
    expect(verify.status).toBe(403);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the table itself', async () => {
    await expect(ctx.sql(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(ctx.sql(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(ctx.sql(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('reports the first broken link after a row is tampered with in SQL', async () => {
    const rows = await ctx.sql<{ seq: string; id: string }>(
      `SELECT seq, id FROM audit_event ORDER BY seq LIMIT 3`,
    );
    const victim = rows[2];
    // What a database superuser could do: switch the guard off, rewrite history, switch it back on.
    await ctx.sql(`ALTER TABLE audit_event DISABLE TRIGGER tr_audit_event_append_only`);
    await ctx.sql(`UPDATE audit_event SET after = '{"username":"ke-gian"}' WHERE seq = $1`, [victim.seq]);
    await ctx.sql(`ALTER TABLE audit_event ENABLE TRIGGER tr_audit_event_append_only`);

    const verify = await ctx.http().get('/api/v1/audit-events/verify').set('Authorization', ctx.admin.auth);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({
      ok: false,
      checked: 3,
      firstBroken: { seq: victim.seq, id: victim.id, reason: 'hash_mismatch' },
    });
  });
});
