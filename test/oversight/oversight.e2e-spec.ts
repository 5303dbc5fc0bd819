import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { Role } from '@eiso/common';
import { extractPdfText } from '@eiso/pdf/testing';
import { apiAs } from '../support/api-as';
import { bringToReadiness } from '../support/conformity-flow';
import { FixedClock } from '../support/fixed-clock';
import { buildReviewYear, noonVn, ReviewPeople, reviewPeopleIn } from '../support/review-data';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

interface Row {
  agencyId: string;
  name: string;
  level: string;
  parent: { id: string; name: string } | null;
  roadmapYear: number | null;
  declaration: { id: string; number: string | null; state: string; date: string } | null;
  documentsInForce: number;
  overdueReviews: number;
  openCorrectiveActions: number;
  overdueCorrectiveActions: number;
  lastAuditOn: string | null;
  lastReviewOn: string | null;
  onTrack: boolean | null;
}

/**
 * The province's oversight on the real roadmap: the 147 agencies of Kon Tum imported from the seed
 * list (decision 474/QĐ-UBND), two of them brought to a signed and submitted declaration with a
 * real audit and review (Sở Tư pháp, roadmap 2025; UBND thành phố Kon Tum, roadmap 2027), the
 * other 2025 agencies left late. The board's rows, filters and sort, the summary by level and
 * roadmap year, and the annual report (PDF text, XLSX cells) are checked against that. Only the
 * overseer reads them; drafts never show.
 */
describe('provincial oversight', () => {
  const clock = new FixedClock(new Date(noonVn('2024-01-02')));
  let ctx: TestContext;
  let overseer: TestUser;
  let justice: ReviewPeople;
  let city: ReviewPeople;
  let health: string;
  const ids: Record<string, string> = {};

  const board = async (query = ''): Promise<{ items: Row[]; total: number }> => {
    const res = await apiAs(ctx, overseer).get(`/oversight/agencies${query}`);
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { items: Row[]; total: number };
  };
  const rowOf = async (name: string) => {
    const { items } = await board(`?q=${encodeURIComponent(name)}&pageSize=100`);
    const row = items.find((r) => r.name === name);
    if (!row) throw new Error(`no row ${name}`);
    return row;
  };
  const declare = async (p: ReviewPeople) => {
    const sec = apiAs(ctx, p.secretary);
    const draft = await sec.post('/conformity/declarations', { tthcCodes: ['1.000948'] });
    expect(draft.status).toBe(201);
    const signed = await apiAs(ctx, p.chair).post(`/conformity/declarations/${draft.body.id}/sign`, {
      password: USER_PASSWORD,
    });
    expect(signed.status).toBe(200);
    expect((await sec.post(`/conformity/declarations/${draft.body.id}/submit`)).status).toBe(200);
    return signed.body as { id: string; number: string };
  };

  beforeAll(async () => {
    ctx = await createTestContext({}, { clock });
    const province = await ctx.newAgency({
      name: 'Ủy ban nhân dân tỉnh Kon Tum',
      level: 'province',
      place: 'Kon Tum',
    });
    await ctx.sql(`UPDATE agency SET roadmap_year = NULL, abbreviation = 'UBND' WHERE id = $1`, [
      province.id,
    ]);
    const csv = readFileSync(join(__dirname, '../../seed/kontum-agencies-2020.csv'));
    const imported = await ctx
      .http()
      .post('/api/v1/agencies/import')
      .set('Authorization', ctx.admin.auth)
      .field('parentId', province.id)
      .attach('file', csv, { filename: 'kontum-agencies-2020.csv', contentType: 'text/csv' });
    expect(imported.status).toBe(201);
    for (const row of await ctx.sql<{ id: string; name: string }>(`SELECT id, name FROM agency`))
      ids[row.name] = row.id;
    await ctx.sql(`UPDATE agency SET abbreviation = 'STP' WHERE id = $1`, [ids['Sở Tư pháp']]);
    await ctx.sql(`UPDATE agency SET abbreviation = 'UBND' WHERE id = $1`, [
      ids['Ủy ban nhân dân thành phố Kon Tum'],
    ]);
    health = ids['Sở Y tế'];
    overseer = await ctx.newUser({
      roles: [Role.Overseer],
      agencyId: ids['Sở Khoa học và Công nghệ'],
      fullName: 'Đặng Văn Khoa',
      position: 'Trưởng phòng Tiêu chuẩn Đo lường Chất lượng',
    });

    justice = await reviewPeopleIn(ctx, ids['Sở Tư pháp']);
    city = await reviewPeopleIn(ctx, ids['Ủy ban nhân dân thành phố Kon Tum']);
    const justiceYear = await buildReviewYear(ctx, clock, justice, 2024);
    const cityYear = await buildReviewYear(ctx, clock, city, 2024);
    await bringToReadiness(ctx, clock, justice, justiceYear, { on: '2025-04-20', tthcCodes: ['1.000948'] });
    await declare(justice);
    await bringToReadiness(ctx, clock, city, cityYear, { on: '2025-07-20', tthcCodes: ['1.000948'] });
    await declare(city);
    // A draft elsewhere never shows to the province.
    const healthSecretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: health });
    expect((await apiAs(ctx, healthSecretary).post('/conformity/declarations', {})).status).toBe(201);
    clock.set(noonVn('2026-01-10'));
  }, 600_000);
  afterAll(() => ctx?.close());

  it('shows one row per agency with its declaration, documents, actions, audit and review', async () => {
    const all = await board('?pageSize=50');
    // The province and its 147 agencies; the board's first page is sorted by name.
    expect(all.total).toBe(148);
    expect(all.items).toHaveLength(50);
    const names = all.items.map((r) => r.name);
    // By name as the agencies list sorts it: case and accents folded (đ as d).
    const fold = (name: string) =>
      name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/gi, 'd')
        .toLowerCase();
    expect(names.map(fold)).toEqual(names.map(fold).sort());

    const j = await rowOf('Sở Tư pháp');
    expect(j).toMatchObject({
      level: 'province_department',
      parent: { id: ids['Ủy ban nhân dân tỉnh Kon Tum'], name: 'Ủy ban nhân dân tỉnh Kon Tum' },
      roadmapYear: 2025,
      declaration: { number: '01/QĐ-STP', state: 'submitted', date: '2025-04-20' },
      // CS-01, QT-01 (lần 2) and QT-TTHC-01; QT-02 was withdrawn.
      documentsInForce: 3,
      // The minor nonconformity's corrective action waits for its verification.
      openCorrectiveActions: 1,
      overdueCorrectiveActions: 0,
      lastAuditOn: '2025-04-20',
      lastReviewOn: '2025-04-20',
      onTrack: true,
    });
    const c = await rowOf('Ủy ban nhân dân thành phố Kon Tum');
    expect(c).toMatchObject({
      level: 'district',
      roadmapYear: 2027,
      declaration: { number: '01/QĐ-UBND', date: '2025-07-20' },
      onTrack: true,
    });
    const h = await rowOf('Sở Y tế');
    expect(h).toMatchObject({ declaration: null, documentsInForce: 0, lastAuditOn: null, onTrack: false });
    expect((await rowOf('Ủy ban nhân dân tỉnh Kon Tum')).onTrack).toBeNull();
  });

  it('filters and sorts', async () => {
    const declared = await board('?declared=true&sort=declarationDate&order=desc');
    expect(declared.items.map((r) => r.name)).toEqual(['Ủy ban nhân dân thành phố Kon Tum', 'Sở Tư pháp']);
    expect((await board('?onTrack=false&pageSize=100')).total).toBe(34);
    expect((await board('?level=sub_department&onTrack=false')).total).toBe(15);
    expect((await board('?roadmapYear=2030')).total).toBe(102);
    expect((await board(`?parentId=${ids['Ủy ban nhân dân tỉnh Kon Tum']}`)).total).toBe(45);
    // Accent- and case-insensitive search; the user's % is a letter, not a wildcard.
    expect((await board('?q=so%20tu%20phap')).items.map((r) => r.name)).toEqual(['Sở Tư pháp']);
    expect((await board('?q=%25')).total).toBe(0);
    expect((await board('?page=9&pageSize=20')).items).toEqual([]);
    expect((await board('?page=9&pageSize=20')).total).toBe(148);
    for (const bad of [
      '?level=xa',
      '?sort=drop',
      '?declared=maybe',
      '?roadmapYear=abc',
      '?parentId=1',
      '?format=csv2',
    ]) {
      const res = await apiAs(ctx, overseer).get(`/oversight/agencies${bad}`);
      expect({ bad, status: res.status, code: res.body.code }).toEqual({
        bad,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });

  it('counts by level and roadmap year, as the province reports upward', async () => {
    const res = await apiAs(ctx, overseer).get('/oversight/summary?year=2026');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      year: 2026,
      asOf: '2026-01-10',
      total: 147,
      declared: 2,
      onTrack: 113,
      late: 34,
    });
    expect(res.body.groups).toEqual([
      {
        level: 'province_department',
        levelLabel: 'Sở, ban, ngành cấp tỉnh',
        roadmapYear: 2025,
        total: 20,
        declared: 1,
        onTrack: 1,
        late: 19,
      },
      {
        level: 'sub_department',
        levelLabel: 'Chi cục và tương đương',
        roadmapYear: 2025,
        total: 15,
        declared: 0,
        onTrack: 0,
        late: 15,
      },
      {
        level: 'district',
        levelLabel: 'Cấp huyện',
        roadmapYear: 2027,
        total: 10,
        declared: 1,
        onTrack: 10,
        late: 0,
      },
      {
        level: 'commune',
        levelLabel: 'Cấp xã',
        roadmapYear: 2030,
        total: 102,
        declared: 0,
        onTrack: 102,
        late: 0,
      },
    ]);
    // At the end of 2025 nobody was late yet; before the declarations, nobody had declared.
    const end2025 = (await apiAs(ctx, overseer).get('/oversight/summary?year=2025')).body;
    expect(end2025).toMatchObject({ asOf: '2025-12-31', total: 147, declared: 2, onTrack: 147, late: 0 });
    const end2024 = (await apiAs(ctx, overseer).get('/oversight/summary?year=2024')).body;
    expect(end2024).toMatchObject({ asOf: '2024-12-31', declared: 0, onTrack: 147, late: 0 });
    expect((await apiAs(ctx, overseer).get('/oversight/summary?year=19')).status).toBe(400);
  });

  it('writes the annual report in Vietnamese, as PDF and as a spreadsheet', async () => {
    const pdf = await apiAs(ctx, overseer).binary('/oversight/reports/annual?year=2026');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const lines = (await extractPdfText(pdf.body as Buffer, { layout: true }))
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    expect(lines.slice(0, 2)).toEqual([
      'UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ Độc lập - Tự do - Hạnh phúc',
    ]);
    const text = lines.join(' ');
    for (const phrase of [
      'BÁO CÁO',
      'Tình hình xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 năm 2026',
      'Tổng số cơ quan: 147; đã công bố: 2; đúng lộ trình: 113; chậm lộ trình: 34.',
      'Số liệu tính đến ngày 10/01/2026.',
      // Table cells wrap: the declaration cell reads over two lines.
      '(01/QĐ-STP)',
      '20/04/2025',
      'Chưa công bố',
      'Thị trấn Sa Thầy',
    ]) {
      expect(text).toContain(phrase);
    }
    const xlsx = await apiAs(ctx, overseer).binary('/oversight/reports/annual?year=2026&format=xlsx');
    expect(xlsx.status).toBe(200);
    const book = new Workbook();
    await book.xlsx.load(xlsx.body as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.worksheets[0];
    const cells: string[] = [];
    sheet.eachRow((row) =>
      cells.push(
        (row.values as unknown[])
          .map((v) =>
            v instanceof Date
              ? v.toISOString().slice(0, 10)
              : typeof v === 'string' || typeof v === 'number'
                ? String(v)
                : '',
          )
          .join('|'),
      ),
    );
    expect(cells.find((line) => line.includes('|Sở Tư pháp|'))).toContain(
      'Đã công bố (01/QĐ-STP)|2025-04-20',
    );
    expect(cells.find((line) => line.includes('|Sở Y tế|'))).toContain('Chậm lộ trình');
    // The board exports every row of its filter.
    const exported = await apiAs(ctx, overseer).binary('/oversight/agencies?declared=true&format=xlsx');
    expect(exported.status).toBe(200);
    const board2 = new Workbook();
    await board2.xlsx.load(exported.body as Parameters<typeof board2.xlsx.load>[0]);
    let found = 0;
    board2.worksheets[0].eachRow((row) => {
      if ((row.values as unknown[]).includes('Sở Tư pháp')) found++;
    });
    expect(found).toBe(1);
  });

  it('streams an inspection pack of what the agency issued and declared', async () => {
    const res = await apiAs(ctx, overseer).binary(`/oversight/agencies/${ids['Sở Tư pháp']}/inspection-pack`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain('ho-so-kiem-tra-so-tu-phap-2026-01-10.zip');
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual([
      '00-muc-luc.txt',
      '01-danh-muc-tai-lieu-noi-bo.xlsx',
      '02-danh-muc-tai-lieu-ben-ngoai.xlsx',
      '03-quyet-dinh-cong-bo-01-QD-STP.pdf',
      expect.stringMatching(/^04-.+\.pdf$/),
      '06-so-theo-doi-khac-phuc.xlsx',
    ]);
    const contents = await zip.file('00-muc-luc.txt')!.async('string');
    expect(contents).toContain('Cơ quan: Sở Tư pháp');
    // The review of 2025 was held; its minutes were never signed.
    expect(contents).toContain('Cơ quan chưa có:\r\n- Báo cáo xem xét của lãnh đạo gần nhất');
    const report = await zip.file(names[4])!.async('nodebuffer');
    expect(await extractPdfText(report)).toMatch(/BÁO CÁO ĐÁNH GIÁ NỘI BỘ/i);
    const decision = await zip.file('03-quyet-dinh-cong-bo-01-QD-STP.pdf')!.async('nodebuffer');
    expect(await extractPdfText(decision)).toContain('Số: 01/QĐ-STP');
    const register = new Workbook();
    await register.xlsx.load(
      (await zip.file('01-danh-muc-tai-lieu-noi-bo.xlsx')!.async('nodebuffer')) as never,
    );
    let listed = 0;
    register.worksheets[0].eachRow((row) => {
      if ((row.values as unknown[]).includes('QT-TTHC-01')) listed++;
    });
    expect(listed).toBe(1);

    // An agency with nothing declared: the contents say what it has not got.
    const empty = await apiAs(ctx, overseer).binary(`/oversight/agencies/${health}/inspection-pack`);
    const emptyZip = await JSZip.loadAsync(empty.body as Buffer);
    const emptyContents = await emptyZip.file('00-muc-luc.txt')!.async('string');
    expect(emptyContents).toContain('Cơ quan chưa có:');
    expect(emptyContents).toContain('Quyết định công bố HTQLCL phù hợp TCVN ISO 9001:2015 đang có hiệu lực');
    const missing = await apiAs(ctx, overseer).get(
      '/oversight/agencies/5b0c8e5e-0000-4000-8000-000000000000/inspection-pack',
    );
    expect({ status: missing.status, code: missing.body.code }).toEqual({
      status: 404,
      code: 'AGENCY_NOT_FOUND',
    });
    expect(
      (await apiAs(ctx, justice.secretary).get(`/oversight/agencies/${ids['Sở Tư pháp']}/inspection-pack`))
        .status,
    ).toBe(403);
  });

  it('is the overseer’s alone; a draft never shows', async () => {
    for (const user of [justice.secretary, justice.chair, ctx.admin]) {
      for (const path of ['/oversight/agencies', '/oversight/summary', '/oversight/reports/annual']) {
        expect({ path, status: (await apiAs(ctx, user).get(path)).status }).toEqual({ path, status: 403 });
      }
    }
    expect((await ctx.http().get('/api/v1/oversight/agencies')).status).toBe(401);
    expect((await rowOf('Sở Y tế')).declaration).toBeNull();
    const list = await apiAs(ctx, overseer).get(`/conformity/declarations?agencyId=${health}`);
    expect(list.body.items).toEqual([]);
  });
});
