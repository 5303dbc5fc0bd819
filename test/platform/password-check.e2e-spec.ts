import { DataSource } from 'typeorm';
import { Role } from '@eiso/common';
import { AuthService, PasswordHasher } from '@eiso/identity';
import { newDocument, reviewedVersion, versionPath } from '../support/document-flow';
import { proposedBatch as newProposedBatch } from '../support/record-flow';
import { apiAs } from '../support/api-as';
import { createTestContext, TestAgency, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

/** Whether a query on the app's pool gets a connection within `ms` (it queues for one otherwise). */
async function poolHasRoom(dataSource: DataSource, ms = 5000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([dataSource.query('SELECT 1').then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

const login = (ctx: TestContext, username: string, password: string) =>
  ctx.http().post('/api/v1/auth/login').send({ username, password });

/**
 * argon2 runs before any transaction opens (login and every signature): with a pool of ONE
 * connection, a verification that held a transaction would leave no room for a query made while
 * it runs. And what that opens up, a password changed or an account locked between the check
 * and the transaction, is refused.
 */
describe('passwords are verified with no database connection held', () => {
  let ctx: TestContext;
  let dataSource: DataSource;
  let agency: TestAgency;
  let drafter: TestUser;
  let reviewer: TestUser;
  let secretary: TestUser;
  let staff: TestUser;
  let recordTypeId: string;
  /** Per verification: whether the pool had a free connection while argon2 ran. */
  let poolFreeDuringVerify: boolean[];
  /** Runs while a verification is in progress (the pool is free then, or the test has failed). */
  let whileVerifying: (() => Promise<unknown>) | null;

  const approver = () => ctx.newUser({ roles: [Role.Approver], agencyId: agency.id });

  /** A procedure version waiting for the approver's signature. */
  const awaitingApproval = async (): Promise<string> => {
    const doc = await newDocument(
      ctx,
      { drafter },
      `QT-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    );
    await reviewedVersion(ctx, { drafter, reviewer }, doc);
    return versionPath(doc);
  };

  /** A proposed disposal batch of one record past its retention. */
  const proposedBatch = (): Promise<string> => newProposedBatch(ctx, secretary, staff, recordTypeId);

  beforeAll(async () => {
    ctx = await createTestContext({ DATABASE_POOL_SIZE: '1', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    dataSource = ctx.app.get(DataSource);
    agency = await ctx.newAgency();
    const unit = await ctx.newOrgUnit(agency.id);
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id });
    reviewer = await ctx.newUser({ roles: [Role.Reviewer], agencyId: agency.id });
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const type = await apiAs(ctx, secretary).post('/record-types', {
      code: 'HS-TT-01',
      name: 'Hồ sơ thanh toán',
      retentionMonths: 12,
      storagePlace: 'Kho lưu trữ',
      responsibleOrgUnitId: unit.id,
    });
    expect(type.status).toBe(201);
    recordTypeId = type.body.id as string;
  });

  beforeEach(() => {
    poolFreeDuringVerify = [];
    whileVerifying = null;
    const hasher = ctx.app.get(PasswordHasher);
    const verify = hasher.verify.bind(hasher);
    jest.spyOn(hasher, 'verify').mockImplementation(async (hash, password) => {
      poolFreeDuringVerify.push(await poolHasRoom(dataSource));
      await whileVerifying?.();
      return verify(hash, password);
    });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  it('logs in, refuses a wrong password and an unknown user, each verified outside any transaction', async () => {
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    poolFreeDuringVerify = [];
    expect((await login(ctx, user.username, USER_PASSWORD)).status).toBe(200);
    const wrong = await login(ctx, user.username, 'sai-mat-khau');
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect((await login(ctx, 'khong-ton-tai', USER_PASSWORD)).body.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(poolFreeDuringVerify).toEqual([true, true, true]);
    const [row] = await ctx.sql<{ failed_login_count: number }>(
      'SELECT failed_login_count FROM app_user WHERE id = $1',
      [user.id],
    );
    expect(row.failed_login_count).toBe(1);
  });

  it('approves a document version with the password verified outside any transaction', async () => {
    const path = await awaitingApproval();
    const signer = await approver();
    poolFreeDuringVerify = [];
    const res = await apiAs(ctx, signer).post(`${path}/approve`, { password: USER_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('approved');
    expect(poolFreeDuringVerify).toEqual([true]);
  });

  it('approves a disposal batch with the password verified outside any transaction', async () => {
    const id = await proposedBatch();
    const signer = await approver();
    poolFreeDuringVerify = [];
    const res = await apiAs(ctx, signer).post(`/disposals/${id}/approve`, { password: USER_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('approved');
    expect(poolFreeDuringVerify).toEqual([true]);
  });

  it('refuses a login whose password was reset while it was verified, and counts no failure', async () => {
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    whileVerifying = () =>
      ctx.sql(`UPDATE app_user SET password_hash = 'reset', password_changed_at = now() WHERE id = $1`, [
        user.id,
      ]);
    const res = await login(ctx, user.username, USER_PASSWORD);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    const [row] = await ctx.sql<{ failed_login_count: number; last_login_at: Date }>(
      'SELECT failed_login_count, last_login_at FROM app_user WHERE id = $1',
      [user.id],
    );
    expect(row.failed_login_count).toBe(0);
    const events = await ctx.sql<{ action: string }>(
      'SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq',
      [user.id],
    );
    expect(events.map((e) => e.action)).toEqual(['user.created', 'auth.login']);
  });

  it('refuses a signature when the account was locked while its password was verified', async () => {
    const path = await awaitingApproval();
    const signer = await approver();
    whileVerifying = () =>
      ctx.sql(`UPDATE app_user SET locked_until = now() + interval '15 minutes' WHERE id = $1`, [signer.id]);
    const res = await apiAs(ctx, signer).post(`${path}/approve`, { password: USER_PASSWORD });
    expect(res.status).toBe(423);
    expect(res.body.code).toBe('AUTH_ACCOUNT_LOCKED');
    const version = await apiAs(ctx, reviewer).get(path);
    expect(version.body.state).toBe('awaiting_approval');
    expect(version.body.signatures.map((s: { meaning: string }) => s.meaning)).not.toContain('approve');
  });

  it('refuses a document signature when the account is deactivated between the check and the signing', async () => {
    const path = await awaitingApproval();
    const signer = await approver();
    const auth = ctx.app.get(AuthService);
    const confirm = auth.confirmPassword.bind(auth);
    jest.spyOn(auth, 'confirmPassword').mockImplementationOnce(async (actor, password) => {
      const confirmation = await confirm(actor, password);
      await ctx.sql('UPDATE app_user SET active = false WHERE id = $1', [signer.id]);
      return confirmation;
    });
    const res = await apiAs(ctx, signer).post(`${path}/approve`, { password: USER_PASSWORD });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_INVALID_TOKEN');
    expect((await apiAs(ctx, reviewer).get(path)).body.state).toBe('awaiting_approval');
  });

  it('refuses a disposal approval when the password changed between the check and the signing', async () => {
    const id = await proposedBatch();
    const signer = await approver();
    const auth = ctx.app.get(AuthService);
    const confirm = auth.confirmPassword.bind(auth);
    jest.spyOn(auth, 'confirmPassword').mockImplementationOnce(async (actor, password) => {
      const confirmation = await confirm(actor, password);
      await ctx.sql(
        `UPDATE app_user SET password_changed_at = password_changed_at + interval '1 second' WHERE id = $1`,
        [signer.id],
      );
      return confirmation;
    });
    const res = await apiAs(ctx, signer).post(`/disposals/${id}/approve`, { password: USER_PASSWORD });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_INVALID_TOKEN');
    expect((await apiAs(ctx, secretary).get(`/disposals/${id}`)).body.state).toBe('proposed');
  });
});

describe('failed passwords under concurrency', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(() => ctx.close());

  it('counts parallel wrong passwords exactly: the fifth locks the address, the rest find it locked', async () => {
    const agency = await ctx.newAgency();
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => login(ctx, user.username, 'sai-mat-khau')),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 423, 423, 423, 423]);
    const events = await ctx.sql<{ action: string }>(
      'SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq',
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
    ]);
    // Locked for that address (failed_count starts again); counted account-wide exactly five times.
    const [pair] = await ctx.sql<{ failed_count: number; locked_until: Date }>(
      'SELECT failed_count, locked_until FROM login_failure WHERE login_name = $1',
      [user.username],
    );
    expect(pair.failed_count).toBe(0);
    expect(pair.locked_until.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    const [row] = await ctx.sql<{ failed_login_count: number; locked_until: Date | null }>(
      'SELECT failed_login_count, locked_until FROM app_user WHERE id = $1',
      [user.id],
    );
    expect(row).toEqual({ failed_login_count: 5, locked_until: null });
  });

  it('counts parallel wrong passwords of an unknown name exactly, with the same answers', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => login(ctx, 'khong-ton-tai-song-song', 'sai-mat-khau')),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([401, 401, 401, 401, 423, 423, 423, 423]);
    const [pair] = await ctx.sql<{ failed_count: number; locked_until: Date }>(
      `SELECT failed_count, locked_until FROM login_failure WHERE login_name = $1 AND address <> '*'`,
      ['khong-ton-tai-song-song'],
    );
    expect(pair.failed_count).toBe(0);
    expect(pair.locked_until.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    // Counted everywhere five times, like an account: refusals of a locked address count nothing.
    const [all] = await ctx.sql<{ failed_count: number }>(
      `SELECT failed_count FROM login_failure WHERE login_name = $1 AND address = '*'`,
      ['khong-ton-tai-song-song'],
    );
    expect(all.failed_count).toBe(5);
  });
});
