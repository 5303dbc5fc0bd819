import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Response } from 'supertest';
import { Role } from '@eiso/common';
import { createTestContext, TestAgency, TestContext, TestUser } from '../support/test-app';

const LOGIN = '/api/v1/auth/login';
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/**
 * The error body of DESIGN §11: `{ code, message, details?, requestId }`, the message in Vietnamese,
 * and the request id that is also in the X-Request-Id header (even for errors raised before routing).
 */
function expectError(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(Object.keys(res.body as object).filter((k) => !['details'].includes(k))).toEqual(
    expect.arrayContaining(['code', 'message', 'requestId']),
  );
  expect(Object.keys(res.body as object).length).toBeLessThanOrEqual(4);
  expect(res.body.message).toMatch(VIETNAMESE);
  expect(res.headers['x-request-id']).toEqual(expect.any(String));
  expect(res.body.requestId).toBe(res.headers['x-request-id']);
  expect(res.body.requestId).not.toBe('');
}

/** Sends bytes as they are: superagent would write a Buffer as JSON under a JSON content type. */
const raw = (body: unknown): string => body as string;

/** Nests `[` thousands deep: JSON.parse copes, a recursive walker does not. */
function deeplyNested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('bad input answers 4xx with the error body, never 500', () => {
  let ctx: TestContext;
  let agency: TestAgency;
  let secretary: TestUser;
  let drafter: TestUser;

  beforeAll(async () => {
    ctx = await createTestContext({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    agency = await ctx.newAgency({ name: 'Sở Thử nghiệm dữ liệu xấu' });
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id });
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id });
  });
  afterAll(() => ctx.close());

  /** The same process still answers, and still logs people in. */
  async function expectStillUp(): Promise<void> {
    expect((await ctx.http().get('/health/live')).status).toBe(200);
    const login = await ctx
      .http()
      .post(LOGIN)
      .send({ username: secretary.username, password: 'MatKhau-123' });
    expect(login.status).toBe(200);
  }

  const as = (user: TestUser) => ({
    get: (path: string) => ctx.http().get(`/api/v1${path}`).set('Authorization', user.auth),
    post: (path: string, body: object) =>
      ctx.http().post(`/api/v1${path}`).set('Authorization', user.auth).send(body),
    patch: (path: string, body: object, etag: string) =>
      ctx.http().patch(`/api/v1${path}`).set('Authorization', user.auth).set('If-Match', etag).send(body),
  });

  describe('errors of the body parser, raised before any route or middleware of ours', () => {
    it('answers 413 to a JSON body over the limit on anonymous /auth/login, with the client request id', async () => {
      const res = await ctx
        .http()
        .post(LOGIN)
        .set('X-Request-Id', 'req-too-large')
        .send({ username: 'a'.repeat(1024 * 1024), password: 'x' });
      expectError(res, 413, 'REQUEST_BODY_TOO_LARGE');
      expect(res.body.requestId).toBe('req-too-large');
      // Under the 256 kB limit the body is read, and validation has the last word.
      const under = await ctx
        .http()
        .post(LOGIN)
        .send({ username: 'a'.repeat(200 * 1024), password: 'x' });
      expectError(under, 400, 'VALIDATION_FAILED');
      await expectStillUp();
    });

    it('generates the request id of a body-parser error when the client sends none', async () => {
      const res = await ctx.http().post(LOGIN).set('Content-Type', 'application/json').send('{"username":');
      expectError(res, 400, 'REQUEST_BODY_MALFORMED');
      expect(res.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers 415 to a Content-Encoding it does not know and 400 to a corrupt gzip body', async () => {
      const unknown = await ctx
        .http()
        .post(LOGIN)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'x-evil')
        .serialize(raw)
        .send(Buffer.from('{"username":"a","password":"b"}'));
      expectError(unknown, 415, 'REQUEST_ENCODING_UNSUPPORTED');
      const corrupt = await ctx
        .http()
        .post(LOGIN)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .serialize(raw)
        .send(Buffer.from('this is not gzip at all'));
      expectError(corrupt, 400, 'REQUEST_BODY_MALFORMED');
      await expectStillUp();
    });

    it('reads a gzip body it was told about', async () => {
      const res = await ctx
        .http()
        .post(LOGIN)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .serialize(raw)
        .send(gzipSync(JSON.stringify({ username: secretary.username, password: 'MatKhau-123' })));
      expect(res.status).toBe(200);
    });

    it('answers 415 to a charset JSON cannot be in, and 400 to malformed JSON', async () => {
      const charset = await ctx
        .http()
        .post(LOGIN)
        .set('Content-Type', 'application/json; charset=koi8-r')
        .send('{"username":"a","password":"b"}');
      expectError(charset, 415, 'REQUEST_ENCODING_UNSUPPORTED');
      const malformed = await ctx
        .http()
        .post(LOGIN)
        .set('Content-Type', 'application/json')
        .send('{"username": "a", password}');
      expectError(malformed, 400, 'REQUEST_BODY_MALFORMED');
    });

    it('answers 400 to a multipart body without its boundary', async () => {
      const res = await ctx
        .http()
        .post('/api/v1/agencies/import')
        .set('Authorization', ctx.admin.auth)
        .set('Content-Type', 'multipart/form-data')
        .send('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--x--\r\n');
      expectError(res, 400, 'VALIDATION_FAILED');
      await expectStillUp();
    });
  });

  describe('text at the edge', () => {
    it('answers 400 to JSON nested thousands deep, even on anonymous /auth/login', async () => {
      const body = `{"username":${deeplyNested(40_000)},"password":"x"}`;
      const res = await ctx.http().post(LOGIN).set('Content-Type', 'application/json').send(body);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.errors[0].rules).toEqual(['maxDepth']);
      const query = await as(secretary).post('/documents', {
        code: 'QT-01',
        title: JSON.parse(deeplyNested(33)),
      });
      expectError(query, 400, 'VALIDATION_FAILED');
      await expectStillUp();
    });

    it('refuses NUL bytes in bodies, query strings and path parameters', async () => {
      const login = await ctx.http().post(LOGIN).send({ username: 'adm\u0000in', password: 'x' });
      expectError(login, 400, 'VALIDATION_FAILED');
      expect(login.body.details.errors).toEqual([
        {
          field: 'username',
          label: 'Tên đăng nhập',
          rules: ['cleanText'],
          message: expect.stringMatching(/^Tên đăng nhập chứa ký tự không hợp lệ/),
        },
      ]);
      const query = await as(ctx.admin).get('/agencies?q=%00');
      expectError(query, 400, 'VALIDATION_FAILED');
      expect(query.body.details.errors[0].field).toBe('q');
      const named = await as(secretary).get('/registers/internal-documents?format=pdf%00');
      expectError(named, 400, 'VALIDATION_FAILED');
      expect(named.body.details.errors[0]).toMatchObject({ field: 'format', rules: ['cleanText'] });
      const key = await as(ctx.admin).get('/agencies?a%00b=1');
      expectError(key, 400, 'VALIDATION_FAILED');
      await expectStillUp();
    });

    it('refuses lone UTF-16 surrogates and stores nothing', async () => {
      const high = await as(ctx.admin).post('/agencies', {
        name: 'Sở \ud800 lẻ',
        level: 'province_department',
      });
      expectError(high, 400, 'VALIDATION_FAILED');
      expect(high.body.details.errors[0]).toMatchObject({ field: 'name', rules: ['cleanText'] });
      const low = await as(drafter).post('/documents', {
        code: 'QT-LE-01',
        title: 'Quy trình có ký tự lẻ',
        type: 'procedure',
        isoClauses: ['7.5'],
        distribution: { userIds: [], orgUnitIds: ['\udc00'] },
      });
      expectError(low, 400, 'VALIDATION_FAILED');
      expect(low.body.details.errors[0].field).toBe('distribution.orgUnitIds.0');
      const pair = await as(ctx.admin).post('/agencies', {
        name: 'Sở có biểu tượng 😀 hợp lệ',
        level: 'province_department',
      });
      expect(pair.status).toBe(201);
      const rows = await ctx.sql(`SELECT 1 FROM agency WHERE name LIKE 'Sở % lẻ'`);
      expect(rows).toEqual([]);
    });

    it('refuses a CSV import with a NUL byte, naming its line', async () => {
      const csv = Buffer.from(
        'no,group,level,deadline_year,district,name\n1,,province_department,2025,,Sở Nội vụ\n2,,province_department,2025,,Sở\u0000Tư pháp\n',
      );
      const res = await ctx
        .http()
        .post('/api/v1/agencies/import')
        .set('Authorization', ctx.admin.auth)
        .attach('file', csv, 'lo-trinh.csv');
      expectError(res, 400, 'AGENCY_IMPORT_INVALID');
      expect(res.body.details.errors).toEqual([{ line: 3, message: expect.stringMatching(VIETNAMESE) }]);
      await expectStillUp();
    });
  });

  describe('null on PATCH: refused unless the field can be cleared', () => {
    it('agencies: name and level refuse null; code and end of validity clear', async () => {
      const created = await as(ctx.admin).post('/agencies', {
        name: 'Sở Thử nghiệm PATCH',
        code: 'STN-PATCH',
        level: 'province_department',
        validTo: '2030-12-31',
      });
      expect(created.status).toBe(201);
      const path = `/agencies/${created.body.id}`;
      for (const field of ['name', 'level', 'validFrom']) {
        expectError(await as(ctx.admin).patch(path, { [field]: null }, '"1"'), 400, 'VALIDATION_FAILED');
      }
      const cleared = await as(ctx.admin).patch(path, { code: null, validTo: null }, '"1"');
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ code: null, validTo: null });
    });

    it('org units: name and active refuse null; code clears', async () => {
      const unit = await as(ctx.admin).post(`/agencies/${agency.id}/org-units`, {
        name: 'Phòng PATCH',
        code: 'P-PATCH',
      });
      expect(unit.status).toBe(201);
      const path = `/agencies/${agency.id}/org-units/${unit.body.id}`;
      for (const field of ['name', 'active']) {
        expectError(await as(ctx.admin).patch(path, { [field]: null }, '"1"'), 400, 'VALIDATION_FAILED');
      }
      const cleared = await as(ctx.admin).patch(path, { code: null }, '"1"');
      expect(cleared.status).toBe(200);
      expect(cleared.body.code).toBeNull();
    });

    it('users: full name, roles, active and password refuse null; position and email clear', async () => {
      const user = await ctx.newUser({
        roles: [Role.Staff],
        agencyId: agency.id,
        position: 'Chuyên viên',
        email: 'patch@example.vn',
      });
      const path = `/users/${user.id}`;
      for (const field of ['fullName', 'roles', 'active', 'password']) {
        expectError(await as(ctx.admin).patch(path, { [field]: null }, '"1"'), 400, 'VALIDATION_FAILED');
      }
      const cleared = await as(ctx.admin).patch(path, { position: null, email: null }, '"1"');
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ position: null, email: null });
    });

    it('record types: code, name, storage place and unit refuse null; the procedure clears', async () => {
      const unit = await ctx.newOrgUnit(agency.id, 'Bộ phận lưu hồ sơ');
      const doc = await as(drafter).post('/documents', {
        code: 'QT-HS-01',
        title: 'Quy trình tạo hồ sơ',
        type: 'procedure',
      });
      expect(doc.status).toBe(201);
      const type = await as(secretary).post('/record-types', {
        code: 'HS-PATCH',
        name: 'Hồ sơ thử PATCH',
        documentId: doc.body.id,
        retentionMonths: 12,
        storagePlace: 'Tủ hồ sơ',
        responsibleOrgUnitId: unit.id,
      });
      expect(type.status).toBe(201);
      const path = `/record-types/${type.body.id}`;
      for (const field of ['code', 'name', 'storagePlace', 'responsibleOrgUnitId', 'permanent']) {
        expectError(await as(secretary).patch(path, { [field]: null }, '"1"'), 400, 'VALIDATION_FAILED');
      }
      const cleared = await as(secretary).patch(path, { documentId: null }, '"1"');
      expect(cleared.status).toBe(200);
      expect(cleared.body.documentId).toBeNull();
    });

    it('drafts: title and clauses refuse null; the change summary clears', async () => {
      const doc = await as(drafter).post('/documents', {
        code: 'QT-DRAFT-01',
        title: 'Quy trình thử PATCH',
        type: 'procedure',
      });
      expect(doc.status).toBe(201);
      const vid = doc.body.currentVersion.id as string;
      const path = `/documents/${doc.body.id}/versions/${vid}`;
      for (const field of ['title', 'isoClauses', 'tthcCodes']) {
        expectError(await as(drafter).patch(path, { [field]: null }, '"1"'), 400, 'VALIDATION_FAILED');
      }
      const cleared = await as(drafter).patch(path, { changeSummary: null }, '"1"');
      expect(cleared.status).toBe(200);
      expect(cleared.body.changeSummary).toBeNull();
    });

    it('create bodies refuse null for optional fields too', async () => {
      const res = await as(drafter).post('/documents', {
        code: 'QT-NULL-01',
        title: 'Quy trình có null',
        type: 'procedure',
        isoClauses: null,
      });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.errors[0].field).toBe('isoClauses');
    });
  });

  describe('numbers in query strings', () => {
    it.each(['1e21', '99999999999999999999', '1e3', '0x10', '1.5', '-1', '0', '', ' 2', '10000001'])(
      'refuses page=%j',
      async (page) => {
        const res = await as(ctx.admin).get(`/agencies?page=${encodeURIComponent(page)}`);
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(res.body.details.errors[0].field).toBe('page');
      },
    );

    it('refuses a page size or a year that is not a plain integer, and pages normally', async () => {
      expectError(await as(ctx.admin).get('/agencies?pageSize=1e1'), 400, 'VALIDATION_FAILED');
      expectError(await as(ctx.admin).get('/agencies?roadmapYear=2.025e3'), 400, 'VALIDATION_FAILED');
      const ok = await as(ctx.admin).get('/agencies?page=2&pageSize=5&roadmapYear=2025');
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ page: 2, pageSize: 5 });
      const last = await as(ctx.admin).get('/agencies?page=10000000&pageSize=100');
      expect(last.status).toBe(200);
      expect(last.body.items).toEqual([]);
    });
  });

  describe('dates', () => {
    it.each([
      '2026-W01-1',
      '20260101',
      '2026-001',
      '9999-12-31',
      '-271821-04-20',
      '+010000-01-01',
      '2026-02-30',
    ])('refuses the calendar date %j in a body', async (date) => {
      const res = await as(ctx.admin).post('/agencies', {
        name: `Sở ngày ${randomUUID().slice(0, 8)}`,
        level: 'province_department',
        validFrom: date,
      });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.errors[0].field).toBe('validFrom');
    });

    it('refuses an effective date the calendar arithmetic cannot carry', async () => {
      const res = await as(secretary).post(`/documents/${randomUUID()}/versions/${randomUUID()}/issue`, {
        password: 'MatKhau-123',
        effectiveFrom: '9999-12-31',
      });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.errors[0].field).toBe('effectiveFrom');
    });

    it('refuses malformed dates in query strings', async () => {
      expectError(await as(secretary).get('/records?recordDateFrom=20260101'), 400, 'VALIDATION_FAILED');
      expectError(await as(secretary).get('/records?retentionBefore=2026-W01'), 400, 'VALIDATION_FAILED');
      expect((await as(secretary).get('/records?recordDateFrom=2026-01-01')).status).toBe(200);
    });

    it.each([
      '2026',
      '2026-01-01',
      '1',
      '2026-01-01T00:00:00',
      '+275760-09-13T00:00:00Z',
      '9999-01-01T00:00:00Z',
    ])('refuses the timestamp %j on the audit trail', async (from) => {
      const res = await as(ctx.admin).get(`/audit-events?from=${encodeURIComponent(from)}`);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.errors[0].field).toBe('from');
    });

    it('reads timestamps with their offset', async () => {
      const res = await as(ctx.admin).get(
        `/audit-events?from=${encodeURIComponent('2026-01-01T00:00:00+07:00')}&to=2100-01-01T00:00:00.000Z`,
      );
      expect(res.status).toBe(200);
    });
  });

  describe('If-Match', () => {
    it('answers 412 to a version no row can have, before it reaches SQL', async () => {
      const created = await as(ctx.admin).post('/agencies', {
        name: 'Sở Thử nghiệm If-Match',
        level: 'province_department',
      });
      const huge = await as(ctx.admin).patch(
        `/agencies/${created.body.id}`,
        { name: 'Sở mới' },
        '"99999999999999999999999"',
      );
      expectError(huge, 412, 'PRECONDITION_FAILED');
      const user = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
      const sqlBound = await as(ctx.admin).patch(
        `/users/${user.id}`,
        { fullName: 'Tên mới' },
        '"99999999999999999999999"',
      );
      expectError(sqlBound, 412, 'PRECONDITION_FAILED');
      const zero = await as(ctx.admin).patch(`/agencies/${created.body.id}`, { name: 'Sở mới' }, '"0"');
      expectError(zero, 412, 'PRECONDITION_FAILED');
      const submit = await ctx
        .http()
        .post(`/api/v1/documents/${randomUUID()}/versions/${randomUUID()}/submit`)
        .set('Authorization', drafter.auth)
        .set('If-Match', '"99999999999999999999999"');
      expectError(submit, 412, 'PRECONDITION_FAILED');
      await expectStillUp();
    });
  });
});
