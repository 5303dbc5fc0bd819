import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { Role } from '@eiso/common';
import { createTestContext, TestAgency, TestContext, TestUser } from '../support/test-app';

const FIXTURE = readFileSync(join(__dirname, '../../seed/kontum-agencies-2020.csv'));

interface AuditRow {
  action: string;
  actor_id: string | null;
  actor_username: string;
  agency_id: string | null;
  request_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The uniform error body: its code, the Vietnamese text users see, and the id of the request that failed. */
function expectRefusal(res: Response, status: number, code: string, message: string): void {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ code, message });
  expect(res.body.requestId).toEqual(expect.any(String));
  expect(res.body.requestId).not.toBe('');
  expect(res.body.requestId).toBe(res.headers['x-request-id']);
}

describe('agencies over HTTP', () => {
  let ctx: TestContext;
  let agencyA: TestAgency;
  let agencyB: TestAgency;
  let secretaryA: TestUser;
  let drafterA: TestUser;
  let staffA: TestUser;
  let overseer: TestUser;

  beforeAll(async () => {
    ctx = await createTestContext();
    agencyA = await ctx.newAgency({ name: 'Sở Thử nghiệm A' });
    agencyB = await ctx.newAgency({ name: 'Sở Thử nghiệm B' });
    const monitoring = await ctx.newAgency({ name: 'Sở Thử nghiệm theo dõi ISO' });
    secretaryA = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agencyA.id });
    drafterA = await ctx.newUser({ roles: [Role.Drafter], agencyId: agencyA.id });
    staffA = await ctx.newUser({ roles: [Role.Staff], agencyId: agencyA.id });
    overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId: monitoring.id });
  });
  afterAll(() => ctx.close());

  const eventsOf = (entityId: string): Promise<AuditRow[]> =>
    ctx.sql<AuditRow>(
      `SELECT action, actor_id, actor_username, agency_id, request_id, before, after
         FROM audit_event WHERE entity_id = $1 ORDER BY seq`,
      [entityId],
    );
  const importEventCount = async (): Promise<number> => {
    const [{ n }] = await ctx.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'agency.import'`,
    );
    return n;
  };
  const upload = (user: TestUser, file: Buffer, filename: string, contentType = 'text/csv') =>
    ctx
      .http()
      .post('/api/v1/agencies/import')
      .set('Authorization', user.auth)
      .attach('file', file, { filename, contentType });

  it('creates an agency with an ETag, edits it only with a matching If-Match, and audits each write', async () => {
    const created = await ctx
      .http()
      .post('/api/v1/agencies')
      .set('Authorization', ctx.admin.auth)
      .send({ name: 'Ủy ban nhân dân tỉnh Kon Tum', level: 'province', code: 'UBND-KT' });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      name: 'Ủy ban nhân dân tỉnh Kon Tum',
      status: 'active',
      validFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      version: 1,
    });
    expect(Object.keys(created.body).sort()).toEqual(
      ['code', 'createdAt', 'id', 'level', 'name', 'parentId', 'roadmapYear', 'status', 'successorId']
        .concat(['updatedAt', 'validFrom', 'validTo', 'version', 'abbreviation', 'place'])
        .sort(),
    );
    const id = created.body.id as string;
    const url = `/api/v1/agencies/${id}`;

    const unconditional = await ctx
      .http()
      .patch(url)
      .set('Authorization', ctx.admin.auth)
      .send({ roadmapYear: 2025 });
    expectRefusal(
      unconditional,
      428,
      'PRECONDITION_REQUIRED',
      'Thiếu tiêu đề If-Match: hãy gửi ETag của phiên bản bạn đang sửa.',
    );

    const weak = await ctx
      .http()
      .patch(url)
      .set('Authorization', ctx.admin.auth)
      .set('If-Match', 'W/"1"')
      .send({ roadmapYear: 2025 });
    expect(weak.status).toBe(200);
    expect(weak.headers.etag).toBe('"2"');
    expect(weak.body).toMatchObject({ roadmapYear: 2025, version: 2 });

    const stale = await ctx
      .http()
      .patch(url)
      .set('Authorization', ctx.admin.auth)
      .set('If-Match', '"1"')
      .send({ roadmapYear: 2030 });
    expectRefusal(
      stale,
      412,
      'PRECONDITION_FAILED',
      'Dữ liệu đã thay đổi kể từ khi bạn mở. Vui lòng tải lại bản mới nhất rồi sửa tiếp.',
    );
    expect(stale.body.details).toEqual({ currentVersion: 2 });

    const read = await ctx.http().get(url).set('Authorization', ctx.admin.auth);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"2"');
    expect(read.body).toMatchObject({ roadmapYear: 2025, version: 2 });

    const taken = await ctx
      .http()
      .post('/api/v1/agencies')
      .set('Authorization', ctx.admin.auth)
      .send({ name: 'Cơ quan khác', level: 'other', code: 'ubnd-kt' });
    expectRefusal(taken, 409, 'AGENCY_CODE_TAKEN', 'Mã cơ quan đã tồn tại.');

    // Only the two writes that succeeded leave a trace, each tied to its caller and request.
    const events = await eventsOf(id);
    expect(events).toEqual([
      {
        action: 'agency.created',
        actor_id: ctx.admin.id,
        actor_username: 'admin',
        agency_id: id,
        request_id: created.headers['x-request-id'],
        before: null,
        after: expect.objectContaining({ name: 'Ủy ban nhân dân tỉnh Kon Tum', code: 'UBND-KT', version: 1 }),
      },
      {
        action: 'agency.updated',
        actor_id: ctx.admin.id,
        actor_username: 'admin',
        agency_id: id,
        request_id: weak.headers['x-request-id'],
        before: expect.objectContaining({ roadmapYear: null, version: 1 }),
        after: expect.objectContaining({ roadmapYear: 2025, version: 2 }),
      },
    ]);
  });

  it('keeps the ký hiệu and địa danh of the official heading: checked, audited, cleared with null', async () => {
    const admin = ctx.admin.auth;
    const created = await ctx.http().post('/api/v1/agencies').set('Authorization', admin).send({
      name: 'Sở Tư pháp thử nghiệm',
      level: 'province_department',
      abbreviation: 'STP',
      place: ' Kon  Tum ',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ abbreviation: 'STP', place: 'Kon Tum' });
    const url = `/api/v1/agencies/${created.body.id as string}`;

    for (const abbreviation of ['S TP', 'STP/01', '-STP', 'A'.repeat(21)]) {
      const bad = await ctx
        .http()
        .patch(url)
        .set('Authorization', admin)
        .set('If-Match', '"1"')
        .send({ abbreviation });
      expect(bad.status).toBe(400);
      expect(bad.body.details.errors).toEqual([
        expect.objectContaining({
          field: 'abbreviation',
          label: 'Ký hiệu cơ quan',
          rules: ['isAgencyAbbreviation'],
          message: expect.stringContaining('không có khoảng trắng'),
        }),
      ]);
    }
    const tooLong = await ctx
      .http()
      .patch(url)
      .set('Authorization', admin)
      .set('If-Match', '"1"')
      .send({ place: 'x'.repeat(101) });
    expect(tooLong.body.details.errors).toEqual([
      expect.objectContaining({ field: 'place', label: 'Địa danh' }),
    ]);

    const cleared = await ctx
      .http()
      .patch(url)
      .set('Authorization', admin)
      .set('If-Match', '"1"')
      .send({ abbreviation: 'SKHĐT', place: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ abbreviation: 'SKHĐT', place: null, version: 2 });
    const [updated] = (await eventsOf(created.body.id as string)).filter(
      (e) => e.action === 'agency.updated',
    );
    expect(updated.before).toMatchObject({ abbreviation: 'STP', place: 'Kon Tum' });
    expect(updated.after).toMatchObject({ abbreviation: 'SKHĐT', place: null });
  });

  it('imports the roadmap CSV once, audited, and reports it unchanged the second time', async () => {
    const sha256 = createHash('sha256').update(FIXTURE).digest('hex');
    const auditOf = (requestId: string) =>
      ctx.sql<{ action: string; actor_id: string; n: number }>(
        `SELECT action, actor_id, count(*)::int AS n FROM audit_event
          WHERE request_id = $1 GROUP BY action, actor_id ORDER BY action`,
        [requestId],
      );

    const first = await upload(ctx.admin, FIXTURE, 'kontum-agencies-2020.csv');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      total: 147,
      created: 147,
      updated: 0,
      unchanged: 0,
      byRoadmapYear: { 2025: 35, 2027: 10, 2030: 102 },
    });
    expect(await auditOf(first.headers['x-request-id'])).toEqual([
      { action: 'agency.created', actor_id: ctx.admin.id, n: 147 },
      { action: 'agency.import', actor_id: ctx.admin.id, n: 1 },
    ]);

    const second = await upload(ctx.admin, FIXTURE, 'kontum-agencies-2020.csv');
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ total: 147, created: 0, updated: 0, unchanged: 147 });
    expect(await auditOf(second.headers['x-request-id'])).toEqual([
      { action: 'agency.import', actor_id: ctx.admin.id, n: 1 },
    ]);
    const imports = await ctx.sql<{ after: Record<string, unknown> }>(
      `SELECT after FROM audit_event WHERE action = 'agency.import' ORDER BY seq`,
    );
    expect(imports.map((e) => e.after)).toEqual([
      expect.objectContaining({ total: 147, created: 147, unchanged: 0, parentId: null, sha256 }),
      expect.objectContaining({ total: 147, created: 0, unchanged: 147, parentId: null, sha256 }),
    ]);

    const list = await ctx
      .http()
      .get('/api/v1/agencies')
      .query({ q: 'dak ha', level: 'district', sort: 'name:asc' })
      .set('Authorization', ctx.admin.auth);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].name).toBe('Ủy ban nhân dân huyện Đăk Hà');
    const communes = await ctx
      .http()
      .get('/api/v1/agencies')
      .query({ roadmapYear: '2030', level: 'commune', page: '3', pageSize: '50' })
      .set('Authorization', ctx.admin.auth);
    expect(communes.status).toBe(200);
    expect(communes.body).toMatchObject({ total: 102, page: 3, pageSize: 50 });
    expect(communes.body.items).toHaveLength(2);
  });

  it('answers the broken lines of a bad CSV, refuses files that are not CSV or too large, and imports nothing', async () => {
    const importsBefore = await importEventCount();
    const bad = await upload(
      ctx.admin,
      Buffer.from('no,group,level,deadline_year,district,name\n1,I,ministry,2025,,Bộ X\n'),
      'bad.csv',
    );
    expectRefusal(bad, 400, 'AGENCY_IMPORT_INVALID', 'Tệp danh sách cơ quan không hợp lệ.');
    expect(bad.body.details).toMatchObject({
      errors: [{ line: 2, message: expect.stringContaining('ministry') }],
    });

    const xlsx = await upload(
      ctx.admin,
      Buffer.from('PK\x03\x04'),
      'ds.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expectRefusal(xlsx, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Định dạng tệp không được hỗ trợ: chỉ nhận tệp CSV.');
    expect(xlsx.body.details).toMatchObject({ accepted: ['CSV'] });

    const none = await ctx
      .http()
      .post('/api/v1/agencies/import')
      .set('Authorization', ctx.admin.auth)
      .field('parentId', agencyA.id);
    expectRefusal(
      none,
      400,
      'VALIDATION_FAILED',
      'Dữ liệu gửi lên không hợp lệ — Chưa chọn tệp CSV danh sách cơ quan.',
    );
    expect(none.body.details).toMatchObject({
      errors: [{ field: 'file', message: 'Chưa chọn tệp CSV danh sách cơ quan.' }],
    });

    const tooLarge = await upload(ctx.admin, Buffer.alloc(2 * 1024 * 1024 + 1, 0x41), 'big.csv');
    expectRefusal(tooLarge, 413, 'PAYLOAD_TOO_LARGE', 'Tệp vượt quá dung lượng cho phép.');

    expect(await importEventCount()).toBe(importsBefore);
  });

  it('documents every agencies route in OpenAPI, the import as a multipart upload', async () => {
    const res = await ctx.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, { post?: { requestBody?: unknown } }>;
    expect(
      Object.keys(paths)
        .filter((p) => p.startsWith('/api/v1/agencies'))
        .sort(),
    ).toEqual([
      '/api/v1/agencies',
      '/api/v1/agencies/import',
      '/api/v1/agencies/restructure',
      '/api/v1/agencies/restructure/preview',
      '/api/v1/agencies/{agencyId}/org-units',
      '/api/v1/agencies/{agencyId}/org-units/{unitId}',
      '/api/v1/agencies/{id}',
    ]);
    expect(paths['/api/v1/agencies/import'].post?.requestBody).toMatchObject({
      content: { 'multipart/form-data': expect.anything() },
    });
  });

  it('validates queries and bodies at the edge', async () => {
    const badSort = await ctx
      .http()
      .get('/api/v1/agencies?sort=password:asc')
      .set('Authorization', ctx.admin.auth);
    expect(badSort.status).toBe(400);
    expect(badSort.body.message).toMatch(
      /^Dữ liệu gửi lên không hợp lệ — Cách sắp xếp phải là một trong các giá trị: name:asc/,
    );
    const unknownField = await ctx
      .http()
      .post('/api/v1/agencies')
      .set('Authorization', ctx.admin.auth)
      .send({ name: 'Sở mới', level: 'other', status: 'merged' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message).toMatch(/^Dữ liệu gửi lên không hợp lệ/);
    expect(unknownField.body.details.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'status' })]),
    );
    const badId = await ctx.http().get('/api/v1/agencies/not-a-uuid').set('Authorization', ctx.admin.auth);
    expectRefusal(
      badId,
      400,
      'VALIDATION_FAILED',
      'Dữ liệu gửi lên không hợp lệ — Mã định danh phải là mã định danh dạng UUID, ví dụ 3fa85f64-5717-4562-b3fc-2c963f66afa6.',
    );
    expect(badId.body.details.errors).toEqual([
      expect.objectContaining({ field: 'id', label: 'Mã định danh' }),
    ]);
  });

  it('needs a token', async () => {
    const anonymous = await ctx.http().get('/api/v1/agencies');
    expectRefusal(anonymous, 401, 'AUTH_REQUIRED', 'Bạn cần đăng nhập để thực hiện thao tác này.');
  });

  it('keeps a member within their own agency, and lets the overseer read every agency', async () => {
    for (const member of [staffA, drafterA]) {
      const own = await ctx.http().get('/api/v1/agencies').set('Authorization', member.auth);
      expect(own.status).toBe(200);
      expect(own.body.total).toBe(1);
      expect((own.body as { items: { id: string }[] }).items.map((a) => a.id)).toEqual([agencyA.id]);
      const mine = await ctx.http().get(`/api/v1/agencies/${agencyA.id}`).set('Authorization', member.auth);
      expect(mine.status).toBe(200);
      const other = await ctx.http().get(`/api/v1/agencies/${agencyB.id}`).set('Authorization', member.auth);
      expectRefusal(other, 404, 'AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan.');
    }

    const [{ n: allAgencies }] = await ctx.sql<{ n: number }>(`SELECT count(*)::int AS n FROM agency`);
    const all = await ctx
      .http()
      .get('/api/v1/agencies')
      .query({ pageSize: '100' })
      .set('Authorization', overseer.auth);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(allAgencies);
    expect(all.body.total).toBeGreaterThan(150);
    const otherAgency = await ctx
      .http()
      .get(`/api/v1/agencies/${agencyB.id}`)
      .set('Authorization', overseer.auth);
    expect(otherAgency.status).toBe(200);
    expect(otherAgency.body).toMatchObject({ id: agencyB.id, name: 'Sở Thử nghiệm B' });
    const overseerCreate = await ctx
      .http()
      .post('/api/v1/agencies')
      .set('Authorization', overseer.auth)
      .send({ name: 'Sở mới', level: 'other' });
    expectRefusal(overseerCreate, 403, 'FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');

    const create = await ctx
      .http()
      .post('/api/v1/agencies')
      .set('Authorization', secretaryA.auth)
      .send({ name: 'Sở mới', level: 'other' });
    expectRefusal(create, 403, 'FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');
    const edit = await ctx
      .http()
      .patch(`/api/v1/agencies/${agencyA.id}`)
      .set('Authorization', secretaryA.auth)
      .set('If-Match', '"1"')
      .send({ roadmapYear: 2027 });
    expectRefusal(edit, 403, 'FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');
    const importing = await upload(secretaryA, FIXTURE, 'kontum.csv');
    expectRefusal(importing, 403, 'FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');
    expect(await eventsOf(agencyA.id)).toEqual([]);
  });

  it('lets an admin manage org units of any agency, audited', async () => {
    const unit = await ctx
      .http()
      .post(`/api/v1/agencies/${agencyB.id}/org-units`)
      .set('Authorization', ctx.admin.auth)
      .send({ name: 'Phòng Kế hoạch - Tài chính' });
    expect(unit.status).toBe(201);
    expect(unit.headers.etag).toBe('"1"');
    expect(unit.body).toMatchObject({ agencyId: agencyB.id, name: 'Phòng Kế hoạch - Tài chính', version: 1 });
    const url = `/api/v1/agencies/${agencyB.id}/org-units/${unit.body.id}`;

    const missing = await ctx.http().patch(url).set('Authorization', ctx.admin.auth).send({ active: false });
    expect(missing.status).toBe(428);
    const off = await ctx
      .http()
      .patch(url)
      .set('Authorization', ctx.admin.auth)
      .set('If-Match', '"1"')
      .send({ active: false });
    expect(off.status).toBe(200);
    expect(off.headers.etag).toBe('"2"');
    expect(off.body).toMatchObject({ active: false, version: 2 });

    const list = await ctx
      .http()
      .get(`/api/v1/agencies/${agencyB.id}/org-units`)
      .set('Authorization', ctx.admin.auth);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: unit.body.id, active: false, version: 2 }] });
    const overseen = await ctx
      .http()
      .get(`/api/v1/agencies/${agencyB.id}/org-units`)
      .set('Authorization', overseer.auth);
    expect(overseen.status).toBe(200);
    expect(overseen.body.total).toBe(1);

    expect(await eventsOf(unit.body.id as string)).toEqual([
      expect.objectContaining({
        action: 'org_unit.created',
        actor_id: ctx.admin.id,
        agency_id: agencyB.id,
        request_id: unit.headers['x-request-id'],
        after: expect.objectContaining({ name: 'Phòng Kế hoạch - Tài chính', active: true }),
      }),
      expect.objectContaining({
        action: 'org_unit.updated',
        actor_id: ctx.admin.id,
        agency_id: agencyB.id,
        request_id: off.headers['x-request-id'],
        before: expect.objectContaining({ active: true, version: 1 }),
        after: expect.objectContaining({ active: false, version: 2 }),
      }),
    ]);
  });

  it('lets an ISO secretary manage their own agency’s units only, and a drafter only read them', async () => {
    const unit = await ctx
      .http()
      .post(`/api/v1/agencies/${agencyA.id}/org-units`)
      .set('Authorization', secretaryA.auth)
      .send({ name: 'Phòng Hành chính - Tổng hợp' });
    expect(unit.status).toBe(201);
    expect(unit.headers.etag).toBe('"1"');
    const url = `/api/v1/agencies/${agencyA.id}/org-units/${unit.body.id}`;

    const elsewhere = await ctx
      .http()
      .post(`/api/v1/agencies/${agencyB.id}/org-units`)
      .set('Authorization', secretaryA.auth)
      .send({ name: 'Phòng Hành chính - Tổng hợp' });
    expectRefusal(elsewhere, 404, 'AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan.');
    const otherUnits = await ctx
      .http()
      .get(`/api/v1/agencies/${agencyB.id}/org-units`)
      .set('Authorization', secretaryA.auth);
    expectRefusal(otherUnits, 404, 'AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan.');
    const [unitB] = await ctx.sql<{ id: string }>(`SELECT id FROM org_unit WHERE agency_id = $1`, [
      agencyB.id,
    ]);
    const otherUnit = await ctx
      .http()
      .get(`/api/v1/agencies/${agencyB.id}/org-units/${unitB.id}`)
      .set('Authorization', secretaryA.auth);
    expectRefusal(otherUnit, 404, 'AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan.');
    const otherEdit = await ctx
      .http()
      .patch(`/api/v1/agencies/${agencyB.id}/org-units/${unitB.id}`)
      .set('Authorization', secretaryA.auth)
      .set('If-Match', '"2"')
      .send({ name: 'Bị đổi tên' });
    expectRefusal(otherEdit, 404, 'AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan.');

    const read = await ctx.http().get(url).set('Authorization', drafterA.auth);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toMatchObject({ id: unit.body.id, name: 'Phòng Hành chính - Tổng hợp' });
    const drafterEdit = await ctx
      .http()
      .patch(url)
      .set('Authorization', drafterA.auth)
      .set('If-Match', '"1"')
      .send({ name: 'Văn phòng' });
    expectRefusal(drafterEdit, 403, 'FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');
    const drafterCreate = await ctx
      .http()
      .post(`/api/v1/agencies/${agencyA.id}/org-units`)
      .set('Authorization', drafterA.auth)
      .send({ name: 'Phòng mới' });
    expectRefusal(drafterCreate, 403, 'FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');

    const unconditional = await ctx
      .http()
      .patch(url)
      .set('Authorization', secretaryA.auth)
      .send({ name: 'Văn phòng' });
    expect(unconditional.status).toBe(428);
    const edit = await ctx
      .http()
      .patch(url)
      .set('Authorization', secretaryA.auth)
      .set('If-Match', '"1"')
      .send({ name: 'Văn phòng' });
    expect(edit.status).toBe(200);
    expect(edit.headers.etag).toBe('"2"');
    const stale = await ctx
      .http()
      .patch(url)
      .set('Authorization', secretaryA.auth)
      .set('If-Match', '"1"')
      .send({ name: 'Văn phòng Sở' });
    expectRefusal(
      stale,
      412,
      'PRECONDITION_FAILED',
      'Dữ liệu đã thay đổi kể từ khi bạn mở. Vui lòng tải lại bản mới nhất rồi sửa tiếp.',
    );

    const list = await ctx
      .http()
      .get(`/api/v1/agencies/${agencyA.id}/org-units`)
      .set('Authorization', drafterA.auth);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ name: 'Văn phòng', version: 2 }] });

    expect(await eventsOf(unit.body.id as string)).toEqual([
      expect.objectContaining({
        action: 'org_unit.created',
        actor_id: secretaryA.id,
        actor_username: secretaryA.username,
        agency_id: agencyA.id,
        request_id: unit.headers['x-request-id'],
      }),
      expect.objectContaining({
        action: 'org_unit.updated',
        actor_id: secretaryA.id,
        agency_id: agencyA.id,
        request_id: edit.headers['x-request-id'],
        before: expect.objectContaining({ name: 'Phòng Hành chính - Tổng hợp' }),
        after: expect.objectContaining({ name: 'Văn phòng', version: 2 }),
      }),
    ]);
    const [unitBRow] = await ctx.sql<{ name: string }>(`SELECT name FROM org_unit WHERE id = $1`, [unitB.id]);
    expect(unitBRow.name).toBe('Phòng Kế hoạch - Tài chính');
  });
});
