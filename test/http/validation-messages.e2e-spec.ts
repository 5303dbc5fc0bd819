import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { Role } from '@eiso/common';
import { apiAs } from '../support/api-as';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

interface FieldErrorBody {
  field: string;
  label: string;
  rules?: string[];
  message: string;
}

/** A 400 whose every field error carries the machine name, the Vietnamese label, and a message naming it. */
function fieldErrors(res: Response): FieldErrorBody[] {
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('VALIDATION_FAILED');
  const errors = res.body.details.errors as FieldErrorBody[];
  for (const error of errors) {
    expect(error).toEqual(
      expect.objectContaining({
        field: expect.any(String),
        label: expect.any(String),
        message: expect.any(String),
      }),
    );
    expect(error.message.startsWith(error.label) || error.message.includes(`"${error.field}"`)).toBe(true);
  }
  return errors;
}

/** Issue 10 §7: what the API answers about bad input names the field in Vietnamese and says what it should hold. */
describe('validation messages over HTTP', () => {
  let ctx: TestContext;
  let secretary: TestUser;
  let drafter: TestUser;
  let unitId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    const agency = await ctx.newAgency();
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id });
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id });
    unitId = (await ctx.newOrgUnit(agency.id)).id;
  });
  afterAll(() => ctx.close());

  it('a date in a body: “Ngày hiệu lực” and the form YYYY-MM-DD', async () => {
    const res = await apiAs(ctx, secretary).post(
      `/documents/${randomUUID()}/versions/${randomUUID()}/issue`,
      {
        password: 'x',
        effectiveFrom: '01/12/2026',
      },
    );
    expect(fieldErrors(res)).toEqual([
      {
        field: 'effectiveFrom',
        label: 'Ngày hiệu lực',
        rules: ['isCalendarDate'],
        message:
          'Ngày hiệu lực phải là ngày có thật theo định dạng YYYY-MM-DD (năm 1900–2199), ví dụ 2026-12-01.',
      },
    ]);
  });

  it('a missing password and an unknown field in the same body', async () => {
    const res = await ctx.http().post('/api/v1/auth/login').send({ username: 'admin', pass: 'x' });
    const errors = fieldErrors(res);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'password',
          label: 'Mật khẩu',
          message: expect.stringMatching(/^Mật khẩu là bắt buộc và phải là chuỗi ký tự/),
        }),
        expect.objectContaining({ field: 'pass', message: expect.stringContaining('"pass"') }),
      ]),
    );
  });

  it('an enumeration in a query lists its values; a nested list item is named after its parent', async () => {
    const sort = fieldErrors(await apiAs(ctx, drafter).get('/documents?sort=ngay:asc'));
    expect(sort[0]).toMatchObject({ field: 'sort', label: 'Cách sắp xếp' });
    expect(sort[0].message).toContain('phải là một trong các giá trị: code:asc, code:desc');
    const nested = fieldErrors(
      await apiAs(ctx, drafter).post('/documents', {
        code: 'QT-01',
        title: 'Quy trình thử',
        type: 'quy-trinh',
        distribution: { userIds: ['ai-do'] },
      }),
    );
    expect(nested).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'type',
          label: 'Loại tài liệu',
          message: expect.stringContaining(
            'phải là một trong các giá trị: policy, objectives, manual, procedure',
          ),
        }),
        expect.objectContaining({
          field: 'distribution.userIds',
          label: 'Danh sách phân phối › Người nhận',
          message: expect.stringContaining('có mục không hợp lệ (mỗi mục phải là mã định danh dạng UUID'),
        }),
      ]),
    );
  });

  it('a NUL in a nested list item is named by the DTO’s labels too', async () => {
    const res = await apiAs(ctx, drafter).post('/documents', {
      code: 'QT-02',
      title: 'Quy trình thử',
      type: 'procedure',
      distribution: { orgUnitIds: ['a\u0000'] },
    });
    expect(fieldErrors(res)).toEqual([
      expect.objectContaining({
        field: 'distribution.orgUnitIds.0',
        label: 'Danh sách phân phối › Phòng, ban nhận (mục 1)',
        rules: ['cleanText'],
      }),
    ]);
  });

  it('a query parameter checked by a controller, and a field refused by a service, are labelled alike', async () => {
    const format = fieldErrors(await apiAs(ctx, secretary).get('/registers/internal-documents?format=doc'));
    expect(format).toEqual([
      {
        field: 'format',
        label: 'Định dạng tệp xuất',
        rules: ['isIn'],
        message: 'Định dạng tệp xuất phải là một trong các giá trị: json, xlsx, pdf.',
      },
    ]);
    const both = await apiAs(ctx, secretary).post('/record-types', {
      code: 'HS-X',
      name: 'Hồ sơ sai',
      retentionMonths: 12,
      permanent: true,
      storagePlace: 'Kho',
      responsibleOrgUnitId: unitId,
    });
    // The service words its own message; the label is added where every error is answered.
    expect(both.status).toBe(400);
    expect(both.body.details.errors[0]).toMatchObject({
      field: 'retentionMonths',
      label: 'Thời hạn lưu trữ (tháng)',
      message: expect.stringMatching(/thời hạn lưu trữ/),
    });
  });

  it('a stale If-Match says the data changed since it was opened, blaming nobody', async () => {
    const created = await apiAs(ctx, ctx.admin).post('/agencies', { name: 'Sở Thử ETag', level: 'other' });
    const url = `/agencies/${(created.body as { id: string }).id}`;
    expect((await apiAs(ctx, ctx.admin).patch(url, { roadmapYear: 2025 }, '"1"')).status).toBe(200);
    const stale = await apiAs(ctx, ctx.admin).patch(url, { roadmapYear: 2026 }, '"1"');
    expect(stale.status).toBe(412);
    expect(stale.body.message).toBe(
      'Dữ liệu đã thay đổi kể từ khi bạn mở. Vui lòng tải lại bản mới nhất rồi sửa tiếp.',
    );
    expect(stale.body.message).not.toMatch(/người khác/);
  });
});
