import { formatDateTimeVi, Role } from '@eiso/common';
import { AuthService, MAX_SIGNING_FAILURES } from '@eiso/identity';
import { newDocument, reviewedVersion, versionPath } from '../support/document-flow';
import { proposedBatch as newProposedBatch } from '../support/record-flow';
import { headerOf, startSmtpServer, TestSmtpServer, textOf } from '../notifications/smtp-test-server';
import { apiAs } from '../support/api-as';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { createTestContext, TestAgency, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

interface Answer {
  status: number;
  body: {
    code?: string;
    message?: string;
    details?: { attemptsLeft?: number; lockedUntil?: string; cause?: string; lockMinutes?: number };
  };
}

/**
 * A wrong signing password (DESIGN §13, "Signing failures count apart"): 403 with the tries
 * left, the fifth in a row locks signing — not login — with a message that says so, the agency's
 * ISO secretaries and the holder are told (in-app and by e-mail), and it is all on the audit trail.
 */
describe('signing passwords', () => {
  let smtp: TestSmtpServer;
  let ctx: TestContext;
  let agency: TestAgency;
  let drafter: TestUser;
  let reviewer: TestUser;
  let secretary: TestUser;
  let deputySecretary: TestUser;
  let foreignSecretary: TestUser;
  let staff: TestUser;
  let recordTypeId: string;

  /** A request from one office (TRUST_PROXY names the loopback test client). */
  const from = (address: string, user: TestUser) => ({
    post: (path: string, body: object) =>
      ctx
        .http()
        .post(`/api/v1${path}`)
        .set('Authorization', user.auth)
        .set('X-Forwarded-For', address)
        .send(body) as unknown as Promise<Answer>,
  });
  const login = (username: string, password: string, address: string) =>
    ctx
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', address)
      .send({ username, password }) as unknown as Promise<Answer>;

  const newApprover = (fullName = 'Lê Quốc Việt') =>
    ctx.newUser({ roles: [Role.Approver], agencyId: agency.id, fullName, position: 'Giám đốc Sở' });

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

  const counters = async (user: TestUser) => {
    const [row] = await ctx.sql<{
      failed_login_count: number;
      locked_until: Date | null;
      signing_failed_count: number;
      signing_locked_until: Date | null;
    }>(
      `SELECT failed_login_count, locked_until, signing_failed_count, signing_locked_until
         FROM app_user WHERE id = $1`,
      [user.id],
    );
    const [pairs] = await ctx.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM login_failure WHERE login_name = $1',
      [user.username],
    );
    return { ...row, loginFailureRows: pairs.n };
  };

  const inbox = async (user: TestUser) =>
    (await apiAs(ctx, user).get('/notifications?pageSize=100')).body.items as {
      kind: string;
      title: string;
      body: string;
      link: string;
      entityId: string;
    }[];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    ctx = await createTestContext(
      {
        TRUST_PROXY: 'loopback',
        LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
        SMTP_URL: smtp.url,
        SMTP_FROM: 'eISO <iso@kontum.gov.vn>',
      },
      { worker: true },
    );
    agency = await ctx.newAgency({ name: 'Sở Tài chính' });
    const unit = await ctx.newOrgUnit(agency.id);
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id });
    reviewer = await ctx.newUser({ roles: [Role.Reviewer], agencyId: agency.id });
    secretary = await ctx.newUser({
      roles: [Role.IsoSecretary],
      agencyId: agency.id,
      fullName: 'Nguyễn Thị Thư',
      email: 'thu.iso@kontum.gov.vn',
    });
    deputySecretary = await ctx.newUser({
      roles: [Role.IsoSecretary],
      agencyId: agency.id,
      email: 'pho.iso@kontum.gov.vn',
    });
    const other = await ctx.newAgency({ name: 'Sở Y tế' });
    foreignSecretary = await ctx.newUser({
      roles: [Role.IsoSecretary],
      agencyId: other.id,
      email: 'iso@syt.kontum.gov.vn',
    });
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
  afterAll(async () => {
    await ctx?.close();
    await smtp?.stop();
  });

  it('answers a wrong signing password with the tries left, counted apart from logins', async () => {
    const approver = await newApprover();
    const path = await awaitingApproval();
    const answers: Answer[] = [];
    for (let i = 0; i < MAX_SIGNING_FAILURES - 1; i++) {
      answers.push(await from('10.8.0.5', approver).post(`${path}/approve`, { password: 'sai-mat-khau' }));
    }
    expect(answers.map((a) => [a.status, a.body.code, a.body.details?.attemptsLeft])).toEqual([
      [403, 'SIGNATURE_PASSWORD_INVALID', 4],
      [403, 'SIGNATURE_PASSWORD_INVALID', 3],
      [403, 'SIGNATURE_PASSWORD_INVALID', 2],
      [403, 'SIGNATURE_PASSWORD_INVALID', 1],
    ]);
    expect(answers[0].body.message).toBe(
      'Mật khẩu xác nhận ký không đúng; chưa có gì được ký. Còn 4 lần thử trước khi chức năng ký bị khóa 15 phút.',
    );
    expect(answers[3].body.message).toContain('Chỉ còn 1 lần thử');
    // Nothing of it touches the login counts, of the account or of the address.
    expect(await counters(approver)).toMatchObject({
      failed_login_count: 0,
      locked_until: null,
      signing_failed_count: 4,
      signing_locked_until: null,
      loginFailureRows: 0,
    });
    expect((await apiAs(ctx, approver).get(path)).body.state).toBe('awaiting_approval');
  });

  it('locks signing, not login, at the fifth wrong password in a row, saying signing caused it', async () => {
    const approver = await newApprover('Phạm Văn Hùng');
    const path = await awaitingApproval();
    const batch = await proposedBatch();
    const answers: Answer[] = [];
    for (let i = 0; i < MAX_SIGNING_FAILURES; i++) {
      answers.push(await from('10.8.0.6', approver).post(`${path}/approve`, { password: 'sai-mat-khau' }));
    }
    const locked = answers[MAX_SIGNING_FAILURES - 1];
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('SIGNATURE_LOCKED');
    expect(locked.body.details).toMatchObject({ cause: 'signing' });
    const lockedUntil = new Date(locked.body.details!.lockedUntil!);
    expect(lockedUntil.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    const [time, day] = formatDateTimeVi(lockedUntil).split(' ');
    expect(locked.body.message).toBe(
      'Chữ ký bị khóa do nhập sai mật khẩu ký nhiều lần liên tiếp; chưa có gì được ký. ' +
        `Vui lòng thử lại sau ${time} ngày ${day}. Đăng nhập và các việc khác không bị ảnh hưởng.`,
    );
    expect(locked.body.message).not.toContain('đăng nhập sai');

    // The session cannot go on trying, not even with the right password, on any kind of signature.
    for (const attempt of [
      await from('10.8.0.6', approver).post(`${path}/approve`, { password: USER_PASSWORD }),
      await from('10.9.0.1', approver).post(`${path}/approve`, { password: 'sai-nua' }),
      await from('10.9.0.1', approver).post(`/disposals/${batch}/approve`, { password: USER_PASSWORD }),
    ]) {
      expect([attempt.status, attempt.body.code]).toEqual([423, 'SIGNATURE_LOCKED']);
    }
    expect((await apiAs(ctx, approver).get(path)).body.state).toBe('awaiting_approval');
    expect((await apiAs(ctx, approver).get(`/disposals/${batch}`)).body.state).toBe('proposed');

    // Logging in, from the very same address, and reading still work.
    const again = await login(approver.username, USER_PASSWORD, '10.8.0.6');
    expect(again.status).toBe(200);
    expect((await apiAs(ctx, approver).get('/me')).status).toBe(200);
    expect(await counters(approver)).toMatchObject({
      failed_login_count: 0,
      locked_until: null,
      signing_failed_count: 0,
      loginFailureRows: 0,
    });
  });

  it('tells the agency’s ISO secretaries and the holder, in-app and by e-mail, and audits every try', async () => {
    smtp.received.length = 0;
    const approver = await ctx.newUser({
      roles: [Role.Approver],
      agencyId: agency.id,
      fullName: 'Đặng Minh Trí',
      position: 'Phó Giám đốc Sở',
      email: 'tri.pgd@kontum.gov.vn',
    });
    const path = await awaitingApproval();
    for (let i = 0; i < MAX_SIGNING_FAILURES; i++) {
      await from('10.8.0.7', approver).post(`${path}/approve`, { password: 'sai-mat-khau' });
    }
    const [{ signing_locked_until: until }] = await ctx.sql<{ signing_locked_until: Date }>(
      'SELECT signing_locked_until FROM app_user WHERE id = $1',
      [approver.id],
    );

    for (const isoSecretary of [secretary, deputySecretary]) {
      const told = (await inbox(isoSecretary)).filter(
        (n) => n.kind === 'auth.signing_locked' && n.entityId === approver.id,
      );
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({
        title: 'Chữ ký của Đặng Minh Trí bị khóa do nhập sai mật khẩu ký',
        link: `/users/${approver.id}`,
      });
      expect(told[0].body).toContain(`tài khoản ${approver.username} (Đặng Minh Trí, Phó Giám đốc Sở)`);
      expect(told[0].body).toContain('bị nhập sai 5 lần liên tiếp từ địa chỉ 10.8.0.7');
      expect(told[0].body).toContain(`bị khóa đến ${formatDateTimeVi(until)}`);
    }
    const own = (await inbox(approver)).filter((n) => n.kind === 'auth.signing_locked');
    expect(own.map((n) => n.title)).toEqual([`Chức năng ký của bạn bị khóa đến ${formatDateTimeVi(until)}`]);
    expect(own[0].body).toContain('hãy đổi mật khẩu ngay');
    // Nobody else, and never another agency.
    for (const other of [foreignSecretary, drafter, reviewer, staff]) {
      expect((await inbox(other)).filter((n) => n.kind === 'auth.signing_locked')).toEqual([]);
    }

    await waitForQueuesToDrain(ctx.worker!, 20_000);
    const mails = smtp.received.filter((m) =>
      ['Đặng Minh Trí', 'Chức năng ký của bạn'].some((s) => headerOf(m.raw, 'Subject')?.includes(s)),
    );
    expect(mails.map((m) => m.to[0]).sort()).toEqual(
      ['pho.iso@kontum.gov.vn', 'thu.iso@kontum.gov.vn', 'tri.pgd@kontum.gov.vn'].sort(),
    );
    const toSecretary = mails.find((m) => m.to[0] === 'thu.iso@kontum.gov.vn')!;
    expect(headerOf(toSecretary.raw, 'Subject')).toBe(
      'Chữ ký của Đặng Minh Trí bị khóa do nhập sai mật khẩu ký',
    );
    expect(textOf(toSecretary.raw)).toContain('hãy liên hệ ngay với người này và quản trị hệ thống');

    const events = await ctx.sql<{ action: string; after: Record<string, unknown> }>(
      `SELECT action, after FROM audit_event WHERE entity_id = $1 AND action LIKE 'auth.%' ORDER BY seq`,
      [approver.id],
    );
    expect(events.map((e) => e.action)).toEqual([
      'auth.login',
      'auth.signing_failed',
      'auth.signing_failed',
      'auth.signing_failed',
      'auth.signing_failed',
      'auth.signing_locked',
    ]);
    expect(events[1].after).toEqual({ signingFailedCount: 1, attemptsLeft: 4, address: '10.8.0.7' });
    expect(events[5].after).toEqual({ lockedUntil: until.toISOString(), failures: 5, address: '10.8.0.7' });
  });

  it('counts parallel wrong signing passwords exactly: the fifth locks, the rest find it locked', async () => {
    const approver = await newApprover('Hoàng Anh Tuấn');
    const path = await awaitingApproval();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        from('10.8.0.8', approver).post(`${path}/approve`, { password: 'sai-mat-khau' }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([403, 403, 403, 403, 423, 423, 423, 423]);
    const left = answers.filter((a) => a.status === 403).map((a) => a.body.details?.attemptsLeft);
    expect(left.sort()).toEqual([1, 2, 3, 4]);
    const [locks] = await ctx.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'auth.signing_locked'`,
      [approver.id],
    );
    expect(locks.n).toBe(1);
  });

  it('starts the count again after a right signing password, and signs again once the lock is over', async () => {
    const approver = await newApprover('Vũ Thị Lan');
    const first = await awaitingApproval();
    for (let i = 0; i < 3; i++)
      await from('10.8.0.9', approver).post(`${first}/approve`, { password: 'sai' });
    expect(
      (await from('10.8.0.9', approver).post(`${first}/approve`, { password: USER_PASSWORD })).status,
    ).toBe(200);
    const second = await awaitingApproval();
    const wrong = await from('10.8.0.9', approver).post(`${second}/approve`, { password: 'sai' });
    expect(wrong.body.details?.attemptsLeft).toBe(4);

    for (let i = 0; i < 4; i++)
      await from('10.8.0.9', approver).post(`${second}/approve`, { password: 'sai' });
    expect((await counters(approver)).signing_locked_until).not.toBeNull();
    // Fifteen minutes later.
    await ctx.sql(`UPDATE app_user SET signing_locked_until = now() - interval '1 second' WHERE id = $1`, [
      approver.id,
    ]);
    const signed = await from('10.8.0.9', approver).post(`${second}/approve`, { password: USER_PASSWORD });
    expect(signed.status).toBe(200);
  });

  it('ends a signing lock with the admin’s password reset, as it ends a login lock', async () => {
    const approver = await newApprover('Trịnh Văn Nam');
    const path = await awaitingApproval();
    for (let i = 0; i < MAX_SIGNING_FAILURES; i++) {
      await from('10.8.0.10', approver).post(`${path}/approve`, { password: 'sai' });
    }
    const read = await ctx.http().get(`/api/v1/users/${approver.id}`).set('Authorization', ctx.admin.auth);
    const reset = await ctx
      .http()
      .patch(`/api/v1/users/${approver.id}`)
      .set('Authorization', ctx.admin.auth)
      .set('If-Match', read.headers.etag)
      .send({ password: 'MatKhau-Moi-2027' });
    expect(reset.status).toBe(200);
    expect(await counters(approver)).toMatchObject({ signing_failed_count: 0, signing_locked_until: null });
  });

  it('still refuses signing while logins have locked the account from that address', async () => {
    const approver = await newApprover('Lý Thị Mai');
    const path = await awaitingApproval();
    for (let i = 0; i < 5; i++) await login(approver.username, 'sai-mat-khau', '10.8.0.11');
    const refused = await from('10.8.0.11', approver).post(`${path}/approve`, { password: USER_PASSWORD });
    expect([refused.status, refused.body.code]).toEqual([423, 'AUTH_ACCOUNT_LOCKED']);
    // From another office the session signs.
    const signed = await from('10.8.0.12', approver).post(`${path}/approve`, { password: USER_PASSWORD });
    expect(signed.status).toBe(200);
  });

  it('refuses a signature when signing was locked between the password check and the signing', async () => {
    const approver = await newApprover('Đinh Công Sơn');
    const path = await awaitingApproval();
    const auth = ctx.app.get(AuthService);
    const confirm = auth.confirmPassword.bind(auth);
    const spy = jest.spyOn(auth, 'confirmPassword').mockImplementationOnce(async (actor, password) => {
      const confirmation = await confirm(actor, password);
      await ctx.sql(
        `UPDATE app_user SET signing_locked_until = now() + interval '15 minutes' WHERE id = $1`,
        [approver.id],
      );
      return confirmation;
    });
    try {
      const res = await from('10.8.0.13', approver).post(`${path}/approve`, { password: USER_PASSWORD });
      expect([res.status, res.body.code, res.body.details?.cause]).toEqual([
        423,
        'SIGNATURE_LOCKED',
        'signing',
      ]);
    } finally {
      spy.mockRestore();
    }
    expect((await apiAs(ctx, approver).get(path)).body.state).toBe('awaiting_approval');
  });
});
