import { Workbook } from 'exceljs';
import { Role, todayInVietnam } from '@eiso/common';
import { placeDateLine } from '@eiso/pdf';
import { extractPdfText } from '@eiso/pdf/testing';
import { disguisedExe, samplePdf, sha256 } from '../support/files';
import { FixedClock } from '../support/fixed-clock';
import { objectKeys } from '../support/s3-objects';
import { createTestContext, TestAgency, TestContext, TestUser } from '../support/test-app';
import { apiAs } from '../support/api-as';
import { auditActions } from '../support/audit-actions';

interface RecordBody {
  id: string;
  state: string;
  recordDate: string;
  retentionEnd: string | null;
  retentionLabel: string;
  permanent: boolean;
  files: { id: string; sha256: string; size: number }[];
}

/** The Danh mục hồ sơ and filing records against it: retention, files, lists, the register, access. */
describe('records: register, filing, files and lists', () => {
  const clock = new FixedClock(new Date('2027-01-10T02:00:00Z'));
  let ctx: TestContext;
  let agency: TestAgency;
  let unit: { id: string; name: string };
  let secretary: TestUser;
  let drafter: TestUser;
  let staff: TestUser;
  let colleague: TestUser;
  let outsider: TestUser;
  let overseer: TestUser;
  let fiveYears: { id: string; version: number };
  let permanent: { id: string };

  beforeAll(async () => {
    ctx = await createTestContext({ MAX_UPLOAD_MB: '1' }, { clock });
    const district = await ctx.newAgency({
      name: 'Ủy ban nhân dân huyện Đăk Hà',
      level: 'district',
      place: 'Đăk Hà',
    });
    agency = await ctx.newAgency({
      name: 'Ủy ban nhân dân xã Đăk Hà',
      level: 'commune',
      parentId: district.id,
      abbreviation: 'UBND',
    });
    unit = await ctx.newOrgUnit(agency.id, 'Bộ phận Một cửa');
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id });
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    colleague = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const other = await ctx.newAgency({ name: 'Sở Tư pháp' });
    outsider = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: other.id });
    const science = await ctx.newAgency({ name: 'Sở Khoa học và Công nghệ' });
    overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId: science.id });
  });
  afterAll(() => ctx.close());

  it('keeps the Danh mục hồ sơ: retention in months or permanent, never both', async () => {
    const as = apiAs(ctx, secretary);
    const created = await as.post('/record-types', {
      code: 'HS-TTHC-01',
      name: 'Hồ sơ giải quyết thủ tục hành chính',
      retentionMonths: 60,
      storagePlace: 'Tủ hồ sơ Bộ phận Một cửa',
      responsibleOrgUnitId: unit.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ retentionMonths: 60, permanent: false, retentionLabel: '5 năm' });
    expect(created.headers.etag).toBe('"1"');
    fiveYears = { id: created.body.id, version: 1 };
    const forever = await as.post('/record-types', {
      code: 'HS-QD-01',
      name: 'Quyết định công bố hệ thống quản lý chất lượng',
      permanent: true,
      storagePlace: 'Kho lưu trữ cơ quan',
      responsibleOrgUnitId: unit.id,
    });
    expect(forever.body).toMatchObject({
      retentionMonths: null,
      permanent: true,
      retentionLabel: 'Vĩnh viễn',
    });
    permanent = { id: forever.body.id };

    const both = await as.post('/record-types', {
      code: 'HS-X',
      name: 'Hồ sơ sai',
      retentionMonths: 12,
      permanent: true,
      storagePlace: 'Kho',
      responsibleOrgUnitId: unit.id,
    });
    expect(both.status).toBe(400);
    expect(both.body.details.errors[0].field).toBe('retentionMonths');
    const neither = await as.post('/record-types', {
      code: 'HS-X',
      name: 'Hồ sơ sai',
      storagePlace: 'Kho',
      responsibleOrgUnitId: unit.id,
    });
    expect(neither.status).toBe(400);
    const taken = await as.post('/record-types', {
      code: 'hs-tthc-01',
      name: 'Trùng mã',
      retentionMonths: 12,
      storagePlace: 'Kho',
      responsibleOrgUnitId: unit.id,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('RECORD_TYPE_CODE_TAKEN');
    const foreignUnit = await apiAs(ctx, outsider).post('/record-types', {
      code: 'HS-01',
      name: 'Hồ sơ của sở',
      retentionMonths: 12,
      storagePlace: 'Kho',
      responsibleOrgUnitId: unit.id,
    });
    expect(foreignUnit.status).toBe(422);
    expect(foreignUnit.body.code).toBe('RECORD_TYPE_ORG_UNIT_INVALID');
    expect(foreignUnit.body.message).toBe('Đơn vị chịu trách nhiệm lưu hồ sơ không thuộc cơ quan.');

    const denied = await apiAs(ctx, drafter).post('/record-types', { code: 'HS-Y' });
    expect(denied.status).toBe(403);
    expect(await auditActions(ctx, fiveYears.id)).toEqual(['record_type.created']);
  });

  it('computes retention end from the type: record date + months, none when permanent', async () => {
    const filed = await apiAs(ctx, drafter).post('/records', {
      recordTypeId: fiveYears.id,
      title: 'Hồ sơ cấp giấy phép xây dựng nhà ở riêng lẻ',
      reference: 'GPXD-2021-0315',
      recordDate: '2021-03-15',
      tthcCode: '1.000948',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      state: 'active',
      stateLabel: 'Đang lưu trữ',
      retentionMonths: 60,
      retentionEnd: '2026-03-15',
      onHold: false,
      recordType: { code: 'HS-TTHC-01' },
    });
    const monthEnd = await apiAs(ctx, staff).post('/records', {
      recordTypeId: fiveYears.id,
      title: 'Hồ sơ chứng thực ngày cuối tháng',
      recordDate: '2024-02-29',
    });
    expect(monthEnd.body.retentionEnd).toBe('2029-02-28');
    const forever = await apiAs(ctx, secretary).post('/records', {
      recordTypeId: permanent.id,
      title: 'Quyết định công bố lần đầu',
      recordDate: '2020-06-01',
    });
    expect(forever.body).toMatchObject({ retentionEnd: null, permanent: true, retentionLabel: 'Vĩnh viễn' });

    const future = await apiAs(ctx, drafter).post('/records', {
      recordTypeId: fiveYears.id,
      title: 'Hồ sơ chưa có',
      recordDate: '2027-01-11',
    });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('RECORD_DATE_IN_FUTURE');
    const foreignType = await apiAs(ctx, outsider).post('/records', {
      recordTypeId: fiveYears.id,
      title: 'Hồ sơ lạc cơ quan',
      recordDate: '2026-01-01',
    });
    expect(foreignType.status).toBe(404);
    expect(foreignType.body.code).toBe('RECORD_TYPE_NOT_FOUND');
    expect(await auditActions(ctx, filed.body.id as string)).toEqual(['record.created']);
  });

  it('moves the retention end of active records when the type’s retention changes', async () => {
    const record = await apiAs(ctx, drafter).post('/records', {
      recordTypeId: fiveYears.id,
      title: 'Hồ sơ đăng ký khai sinh',
      recordDate: '2022-07-01',
    });
    expect(record.body.retentionEnd).toBe('2027-07-01');
    const stale = await apiAs(ctx, secretary).patch(
      `/record-types/${fiveYears.id}`,
      { retentionMonths: 120 },
      '"9"',
    );
    expect(stale.status).toBe(412);
    const noEtag = await apiAs(ctx, secretary).patch(`/record-types/${fiveYears.id}`, {
      retentionMonths: 120,
    });
    expect(noEtag.status).toBe(428);
    const longer = await apiAs(ctx, secretary).patch(
      `/record-types/${fiveYears.id}`,
      { retentionMonths: 120 },
      '"1"',
    );
    expect(longer.status).toBe(200);
    expect(longer.headers.etag).toBe('"2"');
    expect(longer.body).toMatchObject({ retentionLabel: '10 năm', version: 2 });
    const moved = await apiAs(ctx, staff).get(`/records/${record.body.id}`);
    expect(moved.body).toMatchObject({ retentionMonths: 120, retentionEnd: '2032-07-01' });
    const back = await apiAs(ctx, secretary).patch(
      `/record-types/${fiveYears.id}`,
      { retentionMonths: 60 },
      '"2"',
    );
    expect(back.status).toBe(200);
    expect((await apiAs(ctx, staff).get(`/records/${record.body.id}`)).body.retentionEnd).toBe('2027-07-01');
    expect(await auditActions(ctx, fiveYears.id)).toEqual([
      'record_type.created',
      'record_type.updated',
      'record_type.updated',
    ]);
  });

  it('streams files into storage with the document checks, and only for active records', async () => {
    const record = (
      await apiAs(ctx, drafter).post('/records', {
        recordTypeId: fiveYears.id,
        title: 'Hồ sơ có tệp đính kèm',
        recordDate: '2025-05-05',
      })
    ).body as RecordBody;
    const pdf = await samplePdf('HS-TEP-01');
    const up = await apiAs(ctx, drafter).upload(`/records/${record.id}/files`, 'bien-nhan.pdf', pdf);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      name: 'bien-nhan.pdf',
      sha256: sha256(pdf),
      mediaType: 'application/pdf',
    });
    const down = await apiAs(ctx, colleague).binary(`/records/${record.id}/files/${up.body.id}`);
    expect(down.status).toBe(200);
    expect(sha256(down.body as Buffer)).toBe(sha256(pdf));

    const exe = await apiAs(ctx, drafter).upload(`/records/${record.id}/files`, 'tep.pdf', disguisedExe());
    expect(exe.status).toBe(415);
    const tooBig = Buffer.concat([pdf, Buffer.alloc(2 * 1024 * 1024)]);
    const big = await apiAs(ctx, drafter).upload(`/records/${record.id}/files`, 'lon.pdf', tooBig);
    expect(big.status).toBe(413);
    const notOwner = await apiAs(ctx, colleague).upload(`/records/${record.id}/files`, 'b.pdf', pdf);
    expect(notOwner.status).toBe(403);
    expect(notOwner.body.code).toBe('RECORD_NOT_OWNER');
    const byOutsider = await apiAs(ctx, outsider).upload(`/records/${record.id}/files`, 'b.pdf', pdf);
    expect(byOutsider.status).toBe(404);
    expect(await objectKeys(ctx.config, `agency/${agency.id}/records/${record.id}/`)).toEqual([
      `agency/${agency.id}/records/${record.id}/${up.body.id}`,
    ]);
    expect(await auditActions(ctx, record.id)).toEqual(['record.created', 'record_file.uploaded']);
  });

  it('lists with filters and an accent-insensitive search over title and reference', async () => {
    const as = apiAs(ctx, staff);
    const q = await as.get('/records?q=giay%20phep%20xay%20dung');
    expect(q.status).toBe(200);
    expect(q.body.items.map((r: { title: string }) => r.title)).toEqual([
      'Hồ sơ cấp giấy phép xây dựng nhà ở riêng lẻ',
    ]);
    expect((await as.get('/records?q=gpxd-2021')).body.total).toBe(1);
    expect((await as.get('/records?q=DANG%20KY%20KHAI%20SINH')).body.total).toBe(1);
    const before = await as.get('/records?retentionBefore=2027-01-01&sort=retentionEnd:asc');
    expect(before.body.items.map((r: RecordBody) => r.retentionEnd)).toEqual(['2026-03-15']);
    const range = await as.get(
      '/records?recordDateFrom=2024-01-01&recordDateTo=2025-12-31&sort=recordDate:asc',
    );
    expect(range.body.items.map((r: RecordBody) => r.recordDate)).toEqual(['2024-02-29', '2025-05-05']);
    const byType = await as.get(`/records?recordTypeId=${permanent.id}`);
    expect(byType.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect((await as.get('/records?state=active&pageSize=2')).body).toMatchObject({ total: 5, pageSize: 2 });
    expect((await as.get('/records?state=due_for_disposal')).body.total).toBe(0);
    expect((await as.get('/records?state=lost')).status).toBe(400);
    expect((await apiAs(ctx, outsider).get('/records')).body.total).toBe(0);
    expect((await apiAs(ctx, outsider).get(`/record-types/${fiveYears.id}`)).status).toBe(404);
  });

  it('exports the Danh mục hồ sơ as JSON, XLSX and PDF in Vietnamese', async () => {
    const json = await apiAs(ctx, staff).get('/registers/records');
    expect(json.status).toBe(200);
    expect(json.body.items).toEqual([
      expect.objectContaining({
        no: 1,
        code: 'HS-QD-01',
        retentionLabel: 'Vĩnh viễn',
        responsibleOrgUnit: 'Bộ phận Một cửa',
        recordsKept: 1,
      }),
      expect.objectContaining({ no: 2, code: 'HS-TTHC-01', retentionLabel: '5 năm', recordsKept: 4 }),
    ]);
    const xlsx = await apiAs(ctx, staff).binary('/registers/records?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
    const cells = workbook.worksheets[0]
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    expect(cells).toEqual(
      expect.arrayContaining([
        'DANH MỤC HỒ SƠ',
        'Hồ sơ giải quyết thủ tục hành chính',
        'Tủ hồ sơ Bộ phận Một cửa',
      ]),
    );
    expect(decodeURIComponent(xlsx.headers['content-disposition'])).toContain(
      "filename*=UTF-8''Danh mục hồ sơ.xlsx",
    );
    const pdfFile = await apiAs(ctx, staff).binary('/registers/records?format=pdf');
    expect(pdfFile.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(pdfFile.headers['content-disposition'])).toContain(
      "filename*=UTF-8''Danh mục hồ sơ.pdf",
    );
    const pdf = await extractPdfText(pdfFile.body as Buffer);
    // The official heading: a commune's People's Committee has no governing body line; its place is
    // the district's; a register has no number; dated the day it is drawn up (the test clock's).
    const lines = (await extractPdfText(pdfFile.body as Buffer, { layout: true }))
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim());
    expect(lines.slice(0, 4)).toEqual([
      'ỦY BAN NHÂN DÂN XÃ ĐĂK HÀ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      placeDateLine('Đăk Hà', todayInVietnam(clock.now())),
      'DANH MỤC HỒ SƠ',
    ]);
    expect(pdf).not.toContain('Số:');
    expect(pdf).toContain('Vĩnh viễn');
    expect((await apiAs(ctx, staff).get('/registers/records?format=doc')).status).toBe(400);
  });

  it('keeps records agency-internal: no overseer or admin access', async () => {
    for (const user of [overseer, ctx.admin]) {
      expect((await apiAs(ctx, user).get('/records')).status).toBe(403);
      expect((await apiAs(ctx, user).get('/registers/records')).status).toBe(403);
      expect((await apiAs(ctx, user).get('/disposals')).status).toBe(403);
    }
    expect(
      (await apiAs(ctx, staff).post(`/records/${fiveYears.id}/hold`, { reason: 'Thanh tra' })).status,
    ).toBe(403);
    expect((await apiAs(ctx, staff).get('/disposals')).status).toBe(403);
  });
});
