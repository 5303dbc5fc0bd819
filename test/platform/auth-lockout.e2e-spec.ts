import { Role } from '@eiso/common';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from '@eiso/identity';
import { createTestContext, TestAgency, TestContext, USER_PASSWORD } from '../support/test-app';

interface Answer {
  status: number;
  body: { code?: string; message?: string; details?: { lockedUntil?: string }; requestId?: string };
}

/**
 * The lockout keys on account AND address, behind a proxy named in TRUST_PROXY (here the test
 * client's loopback, so X-Forwarded-For stands for the office each attempt comes from).
 */
describe('login lockout per account and address', () => {
  let ctx: TestContext;
  let agency: TestAgency;

  const login = (username: string, password: string, from: string): Promise<Answer> =>
    ctx.http().post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ username, password });

  /** What a client sees of an answer, minus what differs between any two requests. */
  const shape = (a: Answer) => ({
    status: a.status,
    code: a.body.code,
    message: a.body.message,
    detailKeys: Object.keys(a.body.details ?? {}),
    keys: Object.keys(a.body).sort(),
  });

  beforeAll(async () => {
    ctx = await createTestContext({ TRUST_PROXY: 'loopback', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    agency = await ctx.newAgency();
  });
  afterAll(() => ctx.close());

  it('locks the account only for the address the failures came from', async () => {
    const user = await ctx.newUser({ roles: [Role.Approver], agencyId: agency.id });
    const answers: Answer[] = [];
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++)
      answers.push(await login(user.username, 'sai', '10.1.0.7'));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 423]);
    const lockedUntil = new Date(answers[4].body.details!.lockedUntil!).getTime();
    expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);

    expect((await login(user.username, USER_PASSWORD, '10.1.0.7')).status).toBe(423);
    // The same person from another office, or the attacker's victim at their desk, still gets in.
    expect((await login(user.username, USER_PASSWORD, '10.2.0.9')).status).toBe(200);

    const [event] = await ctx.sql<{ after: { scope: string; address: string } }>(
      `SELECT after FROM audit_event WHERE entity_id = $1 AND action = 'auth.locked'`,
      [user.id],
    );
    expect(event.after).toMatchObject({ scope: 'address', address: '10.1.0.7' });
  });

  it('answers an unknown name exactly like an account, lockout included', async () => {
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const known: Answer[] = [];
    const unknown: Answer[] = [];
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS + 1; i++) {
      known.push(await login(user.username, 'sai-mat-khau', '10.3.0.1'));
      unknown.push(await login(`khong-co-${user.username}`, 'sai-mat-khau', '10.3.0.1'));
    }
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(unknown.map(shape)).toEqual(known.map(shape));
    expect(unknown[5].body.details!.lockedUntil).toBe(unknown[4].body.details!.lockedUntil);
  });

  /** `perAddress` wrong passwords for `name` from each address, the addresses in parallel. */
  const failFrom = async (name: string, addresses: string[], perAddress: number): Promise<number[]> => {
    const statuses = await Promise.all(
      addresses.map(async (from) => {
        const mine: number[] = [];
        for (let i = 0; i < perAddress; i++) mine.push((await login(name, 'sai', from)).status);
        return mine;
      }),
    );
    return statuses.flat();
  };
  const offices = (prefix: string) =>
    Array.from({ length: MAX_FAILURES_PER_ACCOUNT / MAX_FAILURES_PER_ADDRESS }, (_, i) => `${prefix}.${i}.1`);

  it('keeps an account open elsewhere while failures from many addresses stay below the account-wide threshold', async () => {
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const statuses = await failFrom(user.username, offices('10.4'), MAX_FAILURES_PER_ADDRESS - 1);
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect((await login(user.username, USER_PASSWORD, '10.5.0.1')).status).toBe(200);
  });

  it(`locks an account everywhere at ${MAX_FAILURES_PER_ACCOUNT} failures, and an unknown name alike`, async () => {
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const ghost = `khong-co-${user.username}`;
    await failFrom(user.username, offices('10.6'), MAX_FAILURES_PER_ADDRESS);
    await failFrom(ghost, offices('10.6'), MAX_FAILURES_PER_ADDRESS);

    const lockedKnown = await login(user.username, USER_PASSWORD, '10.7.0.1');
    expect(lockedKnown.status).toBe(423);
    expect(lockedKnown.body.code).toBe('AUTH_ACCOUNT_LOCKED');
    const lockedGhost = await login(ghost, USER_PASSWORD, '10.7.0.1');
    expect(shape(lockedGhost)).toEqual(shape(lockedKnown));

    const scopes = await ctx.sql<{ scope: string }>(
      `SELECT after->>'scope' AS scope FROM audit_event WHERE entity_id = $1 AND action = 'auth.locked'`,
      [user.id],
    );
    expect(scopes.filter((e) => e.scope === 'account')).toHaveLength(1);
  });
});
