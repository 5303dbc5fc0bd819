import { Cell, ValueType, Workbook, Worksheet } from 'exceljs';
import { Role, todayInVietnam } from '@eiso/common';
import { placeDateLine } from '@eiso/pdf';
import { extractPdfText } from '@eiso/pdf/testing';
import { apiAs } from '../support/api-as';
import { approvedVersion, issueVersion, newDocument } from '../support/document-flow';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

interface FieldError {
  field: string;
  message: string;
}

const EXTERNAL = {
  issuingBody: 'Bộ Khoa học và Công nghệ',
  numberSymbol: '26/2014/TT-BKHCN',
  issuedDate: '2014-10-10',
  inForceDate: '2014-12-01',
  storagePlace: 'Tủ hồ sơ Văn phòng Sở, ngăn 2',
};
const EXTERNAL_TITLE = 'Thông tư quy định chi tiết thi hành Nghị định 119/2017/NĐ-CP';
const INTERNAL_TITLE = 'Quy trình tiếp nhận và xử lý đơn thư';

const EXTERNAL_HEADERS = [
  'STT',
  'Số, ký hiệu',
  'Tên tài liệu',
  'Cơ quan ban hành',
  'Ngày ban hành',
  'Ngày có hiệu lực',
  'Nơi lưu',
];
const INTERNAL_HEADERS = [
  'STT',
  'Mã hiệu',
  'Tên tài liệu',
  'Loại',
  'Lần ban hành',
  'Ngày hiệu lực',
  'Ngày xem xét tiếp theo',
  'Đơn vị chủ trì',
];
/** Rows 1–4 are agency, title, subtitle, date of the report; 5 is blank; 6 the header. */
const HEADER_ROW = 6;

/** Midnight UTC of a calendar date: how a date cell reads back from the XLSX. */
const day = (date: string) => new Date(`${date}T00:00:00.000Z`);

/** A PDF's text with line breaks as spaces: a header wraps inside its narrow column. */
async function pdfText(bytes: Buffer): Promise<string> {
  return (await extractPdfText(bytes)).replace(/\s+/g, ' ');
}

async function sheetOf(bytes: Buffer): Promise<Worksheet> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.worksheets[0];
}

function rowValues(sheet: Worksheet, row: number, columns: number): unknown[] {
  return Array.from({ length: columns }, (_, i) => sheet.getRow(row).getCell(i + 1).value);
}

function expectExcelDate(cell: Cell, date: string): void {
  expect(cell.type).toBe(ValueType.Date);
  expect(cell.value).toEqual(day(date));
  expect(cell.numFmt).toBe('dd/mm/yyyy');
}

/**
 * The Danh mục tài liệu nội bộ and bên ngoài: an external document carries its issuer, number and
 * dates from creation to the register, each register has its own columns, and every date in an
 * XLSX is a real Excel date (dd/mm/yyyy), in the PDF dd/mm/yyyy.
 */
describe('registers: internal and external documents in force', () => {
  let ctx: TestContext;
  let drafter: TestUser;
  let reviewer: TestUser;
  let approver: TestUser;
  let secretary: TestUser;
  let staff: TestUser;
  let unit: { id: string; name: string };
  let external: { documentId: string; versionId: string };
  let internal: { documentId: string; versionId: string };

  const api = (user: TestUser) => apiAs(ctx, user);
  /** The errors without their labels (checked once, below): the rules and messages are what vary here. */
  const fieldErrors = (body: { code: string; details: { errors: (FieldError & { label?: string })[] } }) => {
    expect(body.code).toBe('VALIDATION_FAILED');
    return body.details.errors.map(({ label: _label, ...rest }) => rest);
  };
  const create = async (body: { code: string } & Record<string, unknown>) => {
    const doc = await newDocument(ctx, { drafter }, body.code, body);
    return { documentId: doc.id, versionId: doc.versionId };
  };
  const issue = async (doc: { documentId: string; versionId: string }, effectiveFrom: string) => {
    const ref = { id: doc.documentId, versionId: doc.versionId };
    await approvedVersion(ctx, { drafter, reviewer, approver }, ref, doc.documentId);
    const issued = await issueVersion(ctx, { secretary }, ref, effectiveFrom);
    expect(issued.status).toBe(200);
    expect(issued.body.state).toBe('effective');
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    const province = await ctx.newAgency({
      name: 'Ủy ban nhân dân tỉnh Kon Tum',
      level: 'province',
      place: 'Kon Tum',
    });
    const agencyId = (
      await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum', parentId: province.id, abbreviation: 'STP' })
    ).id;
    unit = await ctx.newOrgUnit(agencyId, 'Văn phòng Sở');
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId });
    reviewer = await ctx.newUser({ roles: [Role.Reviewer], agencyId });
    approver = await ctx.newUser({ roles: [Role.Approver], agencyId });
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId });
  });
  afterAll(() => ctx.close());

  describe('the fields of an external document', () => {
    it('requires the issuer, number and symbol, and date issued of an external document', async () => {
      const missing = await api(drafter).post('/documents', {
        code: 'TL-BN-00',
        title: EXTERNAL_TITLE,
        type: 'external',
      });
      expect(missing.status).toBe(400);
      expect(missing.body.details.errors.map((e: { label: string }) => e.label)).toEqual([
        'Thông tin tài liệu bên ngoài › Cơ quan ban hành',
        'Thông tin tài liệu bên ngoài › Số, ký hiệu',
        'Thông tin tài liệu bên ngoài › Ngày ban hành',
      ]);
      expect(fieldErrors(missing.body)).toEqual([
        {
          field: 'external.issuingBody',
          rules: ['required'],
          message: 'Cơ quan ban hành của tài liệu bên ngoài là bắt buộc.',
        },
        {
          field: 'external.numberSymbol',
          rules: ['required'],
          message: 'Số, ký hiệu của tài liệu bên ngoài là bắt buộc.',
        },
        {
          field: 'external.issuedDate',
          rules: ['required'],
          message: 'Ngày ban hành của tài liệu bên ngoài là bắt buộc.',
        },
      ]);

      const blank = await api(drafter).post('/documents', {
        code: 'TL-BN-00',
        title: EXTERNAL_TITLE,
        type: 'external',
        external: { ...EXTERNAL, issuingBody: '    ' },
      });
      expect(blank.status).toBe(400);
      expect(fieldErrors(blank.body).map((e) => e.field)).toEqual(['external.issuingBody']);
    });

    it('refuses dates that are malformed, issued in the future, or in force before issued', async () => {
      const malformed = await api(drafter).post('/documents', {
        code: 'TL-BN-00',
        title: EXTERNAL_TITLE,
        type: 'external',
        external: { ...EXTERNAL, issuedDate: '10/10/2014' },
      });
      expect(malformed.status).toBe(400);
      expect(fieldErrors(malformed.body).map((e) => e.field)).toEqual(['external.issuedDate']);

      const inverted = await api(drafter).post('/documents', {
        code: 'TL-BN-00',
        title: EXTERNAL_TITLE,
        type: 'external',
        external: { ...EXTERNAL, inForceDate: '2014-10-09' },
      });
      expect(inverted.status).toBe(400);
      expect(fieldErrors(inverted.body)).toEqual([
        expect.objectContaining({
          field: 'external.inForceDate',
          message: 'Ngày có hiệu lực không được trước ngày ban hành.',
        }),
      ]);

      const future = await api(drafter).post('/documents', {
        code: 'TL-BN-00',
        title: EXTERNAL_TITLE,
        type: 'external',
        external: { ...EXTERNAL, issuedDate: '2199-01-01', inForceDate: null },
      });
      expect(future.status).toBe(400);
      expect(fieldErrors(future.body)).toEqual([
        expect.objectContaining({
          field: 'external.issuedDate',
          message: 'Ngày ban hành không được sau ngày hôm nay.',
        }),
      ]);
      expect(await ctx.sql(`SELECT id FROM document WHERE code = 'TL-BN-00'`)).toEqual([]);
    });

    it('refuses the fields of an external document on any other type', async () => {
      for (const type of ['procedure', 'form', 'policy']) {
        const res = await api(drafter).post('/documents', {
          code: 'QT-00',
          title: INTERNAL_TITLE,
          type,
          external: EXTERNAL,
        });
        expect(res.status).toBe(400);
        expect(fieldErrors(res.body)).toEqual([
          expect.objectContaining({
            field: 'external',
            message: expect.stringContaining('Chỉ tài liệu bên ngoài'),
          }),
        ]);
      }
    });

    it('keeps them on the version, edits them on the draft, and refuses them on an internal draft', async () => {
      external = await create({
        code: 'TL-BN-01',
        title: EXTERNAL_TITLE,
        type: 'external',
        external: { ...EXTERNAL, storagePlace: 'Tủ hồ sơ Văn phòng' },
      });
      const path = `/documents/${external.documentId}/versions/${external.versionId}`;
      const draft = await api(drafter).get(path);
      expect(draft.body.external).toEqual({ ...EXTERNAL, storagePlace: 'Tủ hồ sơ Văn phòng' });

      const cleared = await api(drafter).patch(
        path,
        { external: { inForceDate: null, storagePlace: null } },
        draft.headers.etag,
      );
      expect(cleared.status).toBe(200);
      expect(cleared.body.external).toEqual({ ...EXTERNAL, inForceDate: null, storagePlace: null });

      const noIssuer = await api(drafter).patch(
        path,
        { external: { issuingBody: null } },
        cleared.headers.etag,
      );
      expect(noIssuer.status).toBe(400);
      expect(fieldErrors(noIssuer.body).map((e) => e.field)).toEqual(['external.issuingBody']);
      const inverted = await api(drafter).patch(
        path,
        { external: { inForceDate: '2014-01-01' } },
        cleared.headers.etag,
      );
      expect(inverted.status).toBe(400);
      expect(fieldErrors(inverted.body).map((e) => e.field)).toEqual(['external.inForceDate']);

      const restored = await api(drafter).patch(
        path,
        { external: { inForceDate: EXTERNAL.inForceDate, storagePlace: EXTERNAL.storagePlace } },
        cleared.headers.etag,
      );
      expect(restored.status).toBe(200);
      expect(restored.body.external).toEqual(EXTERNAL);
      const [stored] = await ctx.sql<Record<string, string>>(
        `SELECT issuing_body, number_symbol, issued_date::text AS issued, in_force_date::text AS in_force,
                storage_place FROM document_version WHERE id = $1`,
        [external.versionId],
      );
      expect(stored).toEqual({
        issuing_body: EXTERNAL.issuingBody,
        number_symbol: EXTERNAL.numberSymbol,
        issued: EXTERNAL.issuedDate,
        in_force: EXTERNAL.inForceDate,
        storage_place: EXTERNAL.storagePlace,
      });

      internal = await create({
        code: 'QT-VP-01',
        title: INTERNAL_TITLE,
        type: 'procedure',
        ownerOrgUnitId: unit.id,
        reviewIntervalMonths: 6,
      });
      const internalPath = `/documents/${internal.documentId}/versions/${internal.versionId}`;
      const internalDraft = await api(drafter).get(internalPath);
      expect(internalDraft.body.external).toBeNull();
      const refused = await api(drafter).patch(
        internalPath,
        { external: { storagePlace: 'Kho' } },
        internalDraft.headers.etag,
      );
      expect(refused.status).toBe(400);
      expect(fieldErrors(refused.body).map((e) => e.field)).toEqual(['external']);
    });

    it('carries them into the next version of the external document', async () => {
      await issue(external, '2026-01-05');
      const next = await api(drafter).post(`/documents/${external.documentId}/versions`);
      expect(next.status).toBe(201);
      expect(next.body.external).toEqual(EXTERNAL);
      await issue(internal, '2026-03-01');
    });
  });

  describe('the external register', () => {
    it('lists its own columns in JSON, none of the internal ones', async () => {
      const res = await api(staff).get('/registers/external-documents');
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        {
          no: 1,
          documentId: external.documentId,
          versionId: external.versionId,
          state: 'effective',
          stateLabel: 'Đang hiệu lực',
          code: 'TL-BN-01',
          title: EXTERNAL_TITLE,
          ...EXTERNAL,
        },
      ]);
    });

    it('writes them to XLSX, with real dates shown dd/mm/yyyy', async () => {
      const res = await api(staff).binary('/registers/external-documents?format=xlsx');
      expect(res.status).toBe(200);
      const sheet = await sheetOf(res.body as Buffer);
      expect(sheet.getCell('A2').value).toBe('DANH MỤC TÀI LIỆU BÊN NGOÀI');
      expect(rowValues(sheet, HEADER_ROW, 9)).toEqual([...EXTERNAL_HEADERS, 'Tình trạng', null]);
      const row = sheet.getRow(HEADER_ROW + 1);
      expect(rowValues(sheet, HEADER_ROW + 1, 7)).toEqual([
        1,
        EXTERNAL.numberSymbol,
        EXTERNAL_TITLE,
        EXTERNAL.issuingBody,
        day(EXTERNAL.issuedDate),
        day(EXTERNAL.inForceDate),
        EXTERNAL.storagePlace,
      ]);
      expectExcelDate(row.getCell(5), EXTERNAL.issuedDate);
      expectExcelDate(row.getCell(6), EXTERNAL.inForceDate);
    });

    it('prints them to PDF', async () => {
      const res = await api(staff).binary('/registers/external-documents?format=pdf');
      expect(res.status).toBe(200);
      expect(decodeURIComponent(res.headers['content-disposition'])).toContain(
        "filename*=UTF-8''Danh mục tài liệu bên ngoài.pdf",
      );
      // The official heading (Nghị định 30): the province over the agency, the province's place, no
      // number for a register.
      const lines = (await extractPdfText(res.body as Buffer, { layout: true }))
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim());
      expect(lines.slice(0, 4)).toEqual([
        'UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'SỞ TƯ PHÁP TỈNH KON TUM Độc lập - Tự do - Hạnh phúc',
        placeDateLine('Kon Tum', todayInVietnam(new Date())),
        'DANH MỤC TÀI LIỆU BÊN NGOÀI',
      ]);
      const text = await pdfText(res.body as Buffer);
      expect(text).not.toContain('Số:');
      for (const expected of [
        'DANH MỤC TÀI LIỆU BÊN NGOÀI',
        ...EXTERNAL_HEADERS,
        EXTERNAL.numberSymbol,
        EXTERNAL.issuingBody,
        EXTERNAL.storagePlace,
        '10/10/2014',
        '01/12/2014',
      ]) {
        expect(text).toContain(expected);
      }
      for (const internalOnly of ['Đơn vị chủ trì', 'Lần ban hành', 'Ngày xem xét tiếp theo', '2014-10-10']) {
        expect(text).not.toContain(internalOnly);
      }
    });
  });

  describe('the internal register', () => {
    it('has the next review date in JSON, XLSX and PDF alike', async () => {
      const json = await api(staff).get('/registers/internal-documents');
      expect(json.body.items).toEqual([
        {
          no: 1,
          documentId: internal.documentId,
          versionId: internal.versionId,
          state: 'effective',
          stateLabel: 'Đang hiệu lực',
          code: 'QT-VP-01',
          title: INTERNAL_TITLE,
          type: 'procedure',
          typeLabel: 'Quy trình',
          issueNumber: 1,
          effectiveFrom: '2026-03-01',
          ownerOrgUnit: unit.name,
          nextReviewDate: '2026-09-01',
        },
      ]);

      const xlsx = await api(staff).binary('/registers/internal-documents?format=xlsx');
      const sheet = await sheetOf(xlsx.body as Buffer);
      expect(rowValues(sheet, HEADER_ROW, 10)).toEqual([...INTERNAL_HEADERS, 'Tình trạng', null]);
      const row = sheet.getRow(HEADER_ROW + 1);
      expect(rowValues(sheet, HEADER_ROW + 1, 8)).toEqual([
        1,
        'QT-VP-01',
        INTERNAL_TITLE,
        'Quy trình',
        '01',
        day('2026-03-01'),
        day('2026-09-01'),
        unit.name,
      ]);
      expectExcelDate(row.getCell(6), '2026-03-01');
      expectExcelDate(row.getCell(7), '2026-09-01');

      const pdf = await pdfText(
        (await api(staff).binary('/registers/internal-documents?format=pdf')).body as Buffer,
      );
      for (const expected of [...INTERNAL_HEADERS, 'QT-VP-01', '01/03/2026', '01/09/2026']) {
        expect(pdf).toContain(expected);
      }
    });
  });

  it('writes no date as text in any register XLSX, records register included', async () => {
    const recordType = await api(secretary).post('/record-types', {
      code: 'HS-VP-01',
      name: 'Sổ theo dõi đơn thư',
      retentionMonths: 60,
      storagePlace: 'Kho lưu trữ Văn phòng Sở',
      responsibleOrgUnitId: unit.id,
    });
    expect(recordType.status).toBe(201);
    const TEXT_DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$|^\d{4}-\d{2}-\d{2}$/;
    const dateCells: Record<string, number> = {};
    for (const path of ['internal-documents', 'external-documents', 'records']) {
      const res = await api(secretary).binary(`/registers/${path}?format=xlsx`);
      expect(res.status).toBe(200);
      const sheet = await sheetOf(res.body as Buffer);
      dateCells[path] = 0;
      for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
        sheet.getRow(r).eachCell((cell) => {
          expect({
            path,
            cell: cell.address,
            text: typeof cell.value === 'string' && TEXT_DATE.test(cell.value),
          }).toEqual({
            path,
            cell: cell.address,
            text: false,
          });
          if (cell.type === ValueType.Date) {
            expect(cell.numFmt).toBe('dd/mm/yyyy');
            dateCells[path] += 1;
          }
        });
      }
    }
    expect(dateCells).toEqual({ 'internal-documents': 2, 'external-documents': 2, records: 0 });
  });
});
