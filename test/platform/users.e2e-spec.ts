import { Role } from '@eiso/common';
import { createTestContext, TestAgency, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

describe('users and agency scoping', () => {
  let ctx: TestContext;
  let agencyA: TestAgency;
  let agencyB: TestAgency;
  let secretaryA: TestUser;

  beforeAll(async () => {
    ctx = await createTestContext();
    agencyA = await ctx.newAgency({ name: 'Sở Tư pháp' });
    agencyB = await ctx.newAgency({ name: 'Sở Y tế' });
    secretaryA = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agencyA.id });
  });
  afterAll(() => ctx.close());

  const newUserBody = (agencyId: string, roles: Role[], username: string) => ({
    username,
    fullName: 'Trần Thị Bích Ngọc',
    email: `${username}@kontum.gov.vn`,
    password: USER_PASSWORD,
    agencyId,
    roles,
  });

  it('lets an admin create a user in any agency, NFC-normalized, audited', async () => {
    const body = {
      ...newUserBody(agencyB.id, [Role.Approver], 'giamdoc.syt'),
      fullName: 'Nguye\u0302\u0303n Va\u0306n An',
    };
    const res = await ctx.http().post('/api/v1/users').set('Authorization', ctx.admin.auth).send(body);
    expect(res.status).toBe(201);
    expect(res.body.fullName).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(res.body.fullName).toBe(res.body.fullName.normalize('NFC'));
    expect(res.headers.etag).toBe('"1"');
    const [event] = await ctx.sql<{ action: string; after: { username: string } }>(
      `SELECT action, after FROM audit_event WHERE entity_id = $1`,
      [res.body.id],
    );
    expect(event).toMatchObject({ action: 'user.created', after: { username: 'giamdoc.syt' } });
  });

  it('lets an ISO secretary manage only their own agency', async () => {
    const own = await ctx
      .http()
      .post('/api/v1/users')
      .set('Authorization', secretaryA.auth)
      .send(newUserBody(agencyA.id, [Role.Drafter, Role.Staff], 'chuyenvien.stp'));
    expect(own.status).toBe(201);

    const other = await ctx
      .http()
      .post('/api/v1/users')
      .set('Authorization', secretaryA.auth)
      .send(newUserBody(agencyB.id, [Role.Drafter], 'xam.nhap'));
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('AGENCY_NOT_FOUND');

    for (const role of [Role.Admin, Role.Overseer]) {
      const privileged = await ctx
        .http()
        .post('/api/v1/users')
        .set('Authorization', secretaryA.auth)
        .send(newUserBody(agencyA.id, [role], `leo.quyen.${role}`));
      expect(privileged.status).toBe(403);
      expect(privileged.body.code).toBe('USER_ROLE_NOT_GRANTABLE');
    }
  });

  it('hides other agencies’ users from an ISO secretary', async () => {
    const userB = await ctx.newUser({ roles: [Role.Staff], agencyId: agencyB.id });
    const get = await ctx.http().get(`/api/v1/users/${userB.id}`).set('Authorization', secretaryA.auth);
    expect(get.status).toBe(404);
    expect(get.body.code).toBe('USER_NOT_FOUND');

    const list = await ctx.http().get('/api/v1/users?pageSize=100').set('Authorization', secretaryA.auth);
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((u: { agencyId: string }) => u.agencyId === agencyA.id)).toBe(true);

    const all = await ctx.http().get('/api/v1/users?pageSize=100').set('Authorization', ctx.admin.auth);
    expect(all.body.total).toBeGreaterThan(list.body.total);
  });

  it('finds users by name without accents and pages the result', async () => {
    const res = await ctx
      .http()
      .get('/api/v1/users?q=bich ngoc&pageSize=1&page=1')
      .set('Authorization', ctx.admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.pageSize).toBe(1);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].fullName).toBe('Trần Thị Bích Ngọc');
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    const tooBig = await ctx.http().get('/api/v1/users?pageSize=101').set('Authorization', ctx.admin.auth);
    expect(tooBig.status).toBe(400);
  });

  it('needs If-Match to edit, and refuses a stale one with 412', async () => {
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agencyA.id });
    const path = `/api/v1/users/${user.id}`;
    const missing = await ctx
      .http()
      .patch(path)
      .set('Authorization', secretaryA.auth)
      .send({ fullName: 'Lê Văn Bình' });
    expect(missing.status).toBe(428);

    const first = await ctx
      .http()
      .patch(path)
      .set('Authorization', secretaryA.auth)
      .set('If-Match', '"1"')
      .send({ fullName: 'Lê Văn Bình', roles: [Role.Staff, Role.Reviewer] });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    expect(first.body.roles).toEqual([Role.Staff, Role.Reviewer]);

    const stale = await ctx
      .http()
      .patch(path)
      .set('Authorization', secretaryA.auth)
      .set('If-Match', '"1"')
      .send({ fullName: 'Lê Văn Cường' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    const [row] = await ctx.sql<{ full_name: string }>(`SELECT full_name FROM app_user WHERE id = $1`, [
      user.id,
    ]);
    expect(row.full_name).toBe('Lê Văn Bình');
  });

  it('deactivates an account and resets a password, ending its sessions', async () => {
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agencyA.id });
    const reset = await ctx
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set('Authorization', secretaryA.auth)
      .set('If-Match', '"1"')
      .send({ password: 'MatKhauMoi-456' });
    expect(reset.status).toBe(200);
    // The token minted before the reset no longer works.
    expect((await ctx.http().get('/api/v1/me').set('Authorization', user.auth)).status).toBe(401);
    const fresh = await ctx.login(user.username, 'MatKhauMoi-456');

    const off = await ctx
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set('Authorization', secretaryA.auth)
      .set('If-Match', '"2"')
      .send({ active: false });
    expect(off.status).toBe(200);
    expect((await ctx.http().get('/api/v1/me').set('Authorization', fresh.auth)).status).toBe(401);
    const login = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: 'MatKhauMoi-456' });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('AUTH_ACCOUNT_INACTIVE');
  });

  it('refuses anyone their own roles and password through user management', async () => {
    const self = `/api/v1/users/${secretaryA.id}`;
    const current = await ctx.http().get(self).set('Authorization', secretaryA.auth);
    const etag = current.headers.etag;
    const promote = await ctx
      .http()
      .patch(self)
      .set('Authorization', secretaryA.auth)
      .set('If-Match', etag)
      .send({ roles: [Role.IsoSecretary, Role.Approver] });
    expect(promote.status).toBe(403);
    expect(promote.body.code).toBe('USER_CANNOT_CHANGE_OWN_ROLES');
    const ownPassword = await ctx
      .http()
      .patch(self)
      .set('Authorization', secretaryA.auth)
      .set('If-Match', etag)
      .send({ password: 'MatKhauTuDat-1' });
    expect(ownPassword.status).toBe(403);
    expect(ownPassword.body.code).toBe('USER_CANNOT_RESET_OWN_PASSWORD');
    const adminNow = await ctx
      .http()
      .get(`/api/v1/users/${ctx.admin.id}`)
      .set('Authorization', ctx.admin.auth);
    const adminDemotion = await ctx
      .http()
      .patch(`/api/v1/users/${ctx.admin.id}`)
      .set('Authorization', ctx.admin.auth)
      .set('If-Match', adminNow.headers.etag)
      .send({ roles: [Role.Admin, Role.Overseer] });
    expect(adminDemotion.body.code).toBe('USER_CANNOT_CHANGE_OWN_ROLES');

    // The same roles sent back with the rest of the form are not a change.
    const rename = await ctx
      .http()
      .patch(self)
      .set('Authorization', secretaryA.auth)
      .set('If-Match', etag)
      .send({ fullName: 'Phạm Thị Thư', roles: [Role.IsoSecretary] });
    expect(rename.status).toBe(200);
    const [row] = await ctx.sql<{ roles: string[] }>('SELECT roles FROM app_user WHERE id = $1', [
      secretaryA.id,
    ]);
    expect(row.roles).toEqual([Role.IsoSecretary]);
  });

  it('leaves resetting the password of a signing role to a system admin', async () => {
    for (const roles of [[Role.Approver], [Role.IsoSecretary], [Role.Staff, Role.Approver]]) {
      const target = await ctx.newUser({ roles, agencyId: agencyA.id });
      const refused = await ctx
        .http()
        .patch(`/api/v1/users/${target.id}`)
        .set('Authorization', secretaryA.auth)
        .set('If-Match', '"1"')
        .send({ password: 'ChiemQuyen-1' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('USER_PASSWORD_RESET_ADMIN_ONLY');
      // Dropping the role in the same request does not open the door.
      const dropped = await ctx
        .http()
        .patch(`/api/v1/users/${target.id}`)
        .set('Authorization', secretaryA.auth)
        .set('If-Match', '"1"')
        .send({ roles: [Role.Staff], password: 'ChiemQuyen-1' });
      expect(dropped.body.code).toBe('USER_PASSWORD_RESET_ADMIN_ONLY');
      expect((await ctx.login(target.username)).id).toBe(target.id);
    }
    // Nor does granting one with the password.
    const staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agencyA.id });
    const granted = await ctx
      .http()
      .patch(`/api/v1/users/${staff.id}`)
      .set('Authorization', secretaryA.auth)
      .set('If-Match', '"1"')
      .send({ roles: [Role.Approver], password: 'ChiemQuyen-1' });
    expect(granted.body.code).toBe('USER_PASSWORD_RESET_ADMIN_ONLY');

    const head = await ctx.newUser({ roles: [Role.Approver], agencyId: agencyA.id });
    const byAdmin = await ctx
      .http()
      .patch(`/api/v1/users/${head.id}`)
      .set('Authorization', ctx.admin.auth)
      .set('If-Match', '"1"')
      .send({ password: 'DoQuanTriDat-1' });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.mustChangePassword).toBe(true);
  });

  it('grants a signing role only to an account whose password is its holder’s own, unless an admin grants it', async () => {
    // Creating a signer with a password the secretary chose would hand the secretary the signature.
    const created = await ctx
      .http()
      .post('/api/v1/users')
      .set('Authorization', secretaryA.auth)
      .send(newUserBody(agencyA.id, [Role.Approver], `pheduyet.${Date.now()}`));
    expect(created.status).toBe(403);
    expect(created.body.code).toBe('USER_SIGNING_ROLE_NEEDS_OWN_PASSWORD');

    // Remove the role, reset the password, grant the role back: refused until the holder changes it.
    const head = await ctx.newUser({ roles: [Role.Approver], agencyId: agencyA.id });
    const patch = (body: object, version: number) =>
      ctx
        .http()
        .patch(`/api/v1/users/${head.id}`)
        .set('Authorization', secretaryA.auth)
        .set('If-Match', `"${version}"`)
        .send(body);
    expect((await patch({ roles: [Role.Staff] }, 1)).status).toBe(200);
    expect((await patch({ password: 'ChiemQuyen-1' }, 2)).status).toBe(200);
    const regrant = await patch({ roles: [Role.Approver] }, 3);
    expect(regrant.status).toBe(403);
    expect(regrant.body.code).toBe('USER_SIGNING_ROLE_NEEDS_OWN_PASSWORD');

    const temporary = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ username: head.username, password: 'ChiemQuyen-1' });
    const own = await ctx
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${temporary.body.accessToken}`)
      .send({ currentPassword: 'ChiemQuyen-1', newPassword: 'CuaGiamDoc-2026' });
    expect(own.status).toBe(200);
    const current = await ctx.http().get(`/api/v1/users/${head.id}`).set('Authorization', secretaryA.auth);
    const afterOwn = await patch({ roles: [Role.Approver] }, Number(JSON.parse(current.headers.etag)));
    expect(afterOwn.status).toBe(200);
    expect(afterOwn.body.roles).toEqual([Role.Approver]);

    const byAdmin = await ctx
      .http()
      .post('/api/v1/users')
      .set('Authorization', ctx.admin.auth)
      .send(newUserBody(agencyA.id, [Role.Approver], `pheduyet.admin.${Date.now()}`));
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.mustChangePassword).toBe(true);
  });

  it('ends a lockout with a reset only when a system admin resets', async () => {
    const lockOut = async (username: string) => {
      for (let i = 0; i < 5; i++) {
        await ctx.http().post('/api/v1/auth/login').send({ username, password: 'sai-mat-khau' });
      }
    };
    const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agencyA.id });
    await lockOut(user.username);
    const bySecretary = await ctx
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set('Authorization', secretaryA.auth)
      .set('If-Match', '"1"')
      .send({ password: 'DatLaiBoiThuKy-1' });
    expect(bySecretary.status).toBe(200);
    const stillLocked = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: 'DatLaiBoiThuKy-1' });
    expect(stillLocked.status).toBe(423);

    const byAdmin = await ctx
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set('Authorization', ctx.admin.auth)
      .set('If-Match', '"2"')
      .send({ password: 'DatLaiBoiQuanTri-1' });
    expect(byAdmin.status).toBe(200);
    const open = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: 'DatLaiBoiQuanTri-1' });
    expect(open.status).toBe(200);
    const events = await ctx.sql<{ after: { lockoutCleared: boolean } }>(
      `SELECT after FROM audit_event WHERE entity_id = $1 AND action = 'user.updated_password_reset' ORDER BY seq`,
      [user.id],
    );
    expect(events.map((e) => e.after.lockoutCleared)).toEqual([false, true]);
  });

  it('refuses a weak password and unknown roles', async () => {
    const weak = await ctx
      .http()
      .post('/api/v1/users')
      .set('Authorization', ctx.admin.auth)
      .send({ ...newUserBody(agencyA.id, [Role.Staff], 'yeu.matkhau'), password: 'abc' });
    expect(weak.status).toBe(400);
    const role = await ctx
      .http()
      .post('/api/v1/users')
      .set('Authorization', ctx.admin.auth)
      .send({ ...newUserBody(agencyA.id, [Role.Staff], 'vai.tro.la'), roles: ['superuser'] });
    expect(role.status).toBe(400);
    expect(role.body.details.errors[0].field).toBe('roles');
  });

  it('refuses user management to roles without it', async () => {
    const drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agencyA.id });
    const res = await ctx.http().get('/api/v1/users').set('Authorization', drafter.auth);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Bạn không có quyền thực hiện thao tác này.',
    });
  });
});
