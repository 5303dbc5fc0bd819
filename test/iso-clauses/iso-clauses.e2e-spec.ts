import { Role } from '@eiso/common';
import { IsoClauseDirectory } from '@eiso/iso-clauses';
import { apiAs } from '../support/api-as';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

interface Clause {
  edition: string;
  number: string;
  parentNumber: string | null;
  titleVi: string;
  titleEn: string;
  level: number;
}

const TCVN_2015 = 'TCVN ISO 9001:2015';
const DRAFT_2026 = 'ISO 9001:2026 (dự thảo)';
const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

/** The clauses of ISO 9001 as reference data by edition; a new edition arrives as rows, not code. */
describe('ISO 9001 clauses', () => {
  let ctx: TestContext;
  let staff: TestUser;
  let overseer: TestUser;

  const clauses = async (params: Record<string, string> = {}): Promise<Clause[]> => {
    const res = await apiAs(ctx, staff).get(`/iso-clauses${q(params)}`);
    expect(res.status).toBe(200);
    return res.body as Clause[];
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    const agency = await ctx.newAgency();
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const science = await ctx.newAgency({ name: 'Sở Khoa học và Công nghệ' });
    overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId: science.id });
  });
  afterAll(() => ctx.close());

  it('lists every clause and sub-clause of TCVN ISO 9001:2015, 4 to 10, in the standard’s order', async () => {
    const all = await clauses();
    expect(all).toHaveLength(91);
    expect(all.every((c) => c.edition === TCVN_2015)).toBe(true);
    expect(all.filter((c) => c.level === 1).map((c) => c.number)).toEqual([
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    const numbers = all.map((c) => c.number);
    for (const n of [
      '4.4.1',
      '4.4.2',
      '6.1.1',
      '6.1.2',
      '6.2.1',
      '6.2.2',
      '7.1.5.1',
      '7.1.5.2',
      '7.5.3.1',
      '7.5.3.2',
      '8.2.3.1',
      '8.2.3.2',
      '8.3.1',
      '8.3.6',
      '8.4.1',
      '8.4.3',
      '8.7.1',
      '8.7.2',
      '9.2.1',
      '9.2.2',
      '10.2.1',
      '10.2.2',
    ]) {
      expect(numbers).toContain(n);
    }
    // Parents come before their children, and 10 after 9.3.3.
    expect(numbers.indexOf('7.1.5')).toBeLessThan(numbers.indexOf('7.1.5.1'));
    expect(numbers.indexOf('7.1.5.2')).toBeLessThan(numbers.indexOf('7.1.6'));
    expect(numbers.slice(numbers.indexOf('9.3.3'))).toEqual([
      '9.3.3',
      '10',
      '10.1',
      '10.2',
      '10.2.1',
      '10.2.2',
      '10.3',
    ]);
    for (const c of all) {
      expect(c.parentNumber === null ? c.level === 1 : numbers.includes(c.parentNumber)).toBe(true);
    }
    const byNumber = new Map(all.map((c) => [c.number, c]));
    expect(byNumber.get('9.2.1')).toEqual({
      edition: TCVN_2015,
      number: '9.2.1',
      parentNumber: '9.2',
      titleVi: 'Mục đích và tần suất đánh giá nội bộ',
      titleEn: 'Purpose and planned intervals of internal audits',
      level: 3,
    });
    const titles = (ns: string[]) => ns.map((n) => byNumber.get(n)?.titleVi);
    expect(titles(['8.3.1', '8.3.2', '8.3.3', '8.3.4', '8.3.5', '8.3.6'])).toEqual([
      'Khái quát',
      'Hoạch định thiết kế và phát triển',
      'Đầu vào thiết kế và phát triển',
      'Kiểm soát thiết kế và phát triển',
      'Đầu ra thiết kế và phát triển',
      'Thay đổi thiết kế và phát triển',
    ]);
    expect(titles(['8.4.1', '8.4.2', '8.4.3', '7.1.5.2', '9.2', '10.2'])).toEqual([
      'Khái quát',
      'Loại và mức độ kiểm soát',
      'Thông tin cho nhà cung cấp bên ngoài',
      'Liên kết chuẩn đo lường',
      'Đánh giá nội bộ',
      'Sự không phù hợp và hành động khắc phục',
    ]);
    // The edition named explicitly answers the same list.
    expect(await clauses({ edition: TCVN_2015 })).toEqual(all);
  });

  it('finds clauses by number prefix or by title without accents', async () => {
    expect((await clauses({ q: 'danh gia noi bo' })).map((c) => c.number)).toEqual(['9.2', '9.2.1', '9.2.2']);
    expect((await clauses({ q: 'ĐÁNH GIÁ NỘI BỘ' })).map((c) => c.number)).toEqual(['9.2', '9.2.1', '9.2.2']);
    expect((await clauses({ q: '8.3' })).map((c) => c.number)).toEqual([
      '8.3',
      '8.3.1',
      '8.3.2',
      '8.3.3',
      '8.3.4',
      '8.3.5',
      '8.3.6',
    ]);
    expect((await clauses({ q: 'internal audit' })).map((c) => c.number)).toEqual(['9.2', '9.2.1']);
    expect((await clauses({ q: 'hanh dong khac phuc' })).map((c) => c.number)).toEqual([
      '10.2',
      '10.2.1',
      '10.2.2',
    ]);
    // LIKE wildcards match themselves.
    expect(await clauses({ q: '%' })).toEqual([]);
    expect(await clauses({ q: '_' })).toEqual([]);
  });

  it('answers 404 ISO_EDITION_NOT_FOUND for an unknown edition, 400 for a bad query, 401 without a token', async () => {
    const unknown = await apiAs(ctx, staff).get(`/iso-clauses${q({ edition: 'ISO 9001:2008' })}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ISO_EDITION_NOT_FOUND');
    expect(unknown.body.message).toBe(
      'Không tìm thấy phiên bản tiêu chuẩn "ISO 9001:2008". Xem danh sách tại /api/v1/iso-clauses/editions.',
    );
    const mapping = await apiAs(ctx, staff).get(
      `/iso-clauses/mappings${q({ from: TCVN_2015, to: 'ISO 9001:2030' })}`,
    );
    expect(mapping.status).toBe(404);
    expect(mapping.body.code).toBe('ISO_EDITION_NOT_FOUND');
    const tooLong = await apiAs(ctx, staff).get(`/iso-clauses${q({ q: 'x'.repeat(101) })}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('VALIDATION_FAILED');
    expect((await ctx.http().get('/api/v1/iso-clauses')).status).toBe(401);
  });

  it('lists the editions; the overseer reads them too', async () => {
    const res = await apiAs(ctx, overseer).get('/iso-clauses/editions');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        code: TCVN_2015,
        title: 'TCVN ISO 9001:2015 Hệ thống quản lý chất lượng — Các yêu cầu',
        publishedYear: 2015,
        isCurrent: true,
      },
    ]);
    expect((await apiAs(ctx, staff).get('/iso-clauses/mappings')).body).toEqual([]);
  });

  it('takes a new edition and its mapping as data, with no code change', async () => {
    await ctx.sql(
      `INSERT INTO iso_standard_edition (code, title, published_year, is_current) VALUES ($1, $2, 2026, false)`,
      [DRAFT_2026, 'ISO/DIS 9001:2026 Hệ thống quản lý chất lượng — Các yêu cầu (dự thảo)'],
    );
    for (const [number, parent, vi, en] of [
      ['9', null, 'Đánh giá kết quả thực hiện', 'Performance evaluation'],
      ['9.2', '9', 'Đánh giá nội bộ', 'Internal audit'],
      ['10', null, 'Cải tiến', 'Improvement'],
      ['10.2', '10', 'Sự không phù hợp và hành động khắc phục', 'Nonconformity and corrective action'],
      ['10.2.1', '10.2', 'Xử lý sự không phù hợp', 'Reacting to a nonconformity'],
    ] as const) {
      await ctx.sql(
        `INSERT INTO iso_clause (edition, number, parent_number, title_vi, title_en, sort_key)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [DRAFT_2026, number, parent, vi, en, number.split('.').map(Number)],
      );
    }
    for (const [from, to, note] of [
      ['9.2', '9.2', null],
      ['9.2.1', '9.2', 'Gộp vào 9.2'],
      ['10.2.1', '10.2.1', null],
      ['10.2', '10.2', null],
      ['10.2', '10.2.1', 'Tách một phần sang 10.2.1'],
    ] as const) {
      await ctx.sql(
        `INSERT INTO iso_clause_mapping (from_edition, from_number, to_edition, to_number, note) VALUES ($1, $2, $3, $4, $5)`,
        [TCVN_2015, from, DRAFT_2026, to, note],
      );
    }

    const editions = (await apiAs(ctx, staff).get('/iso-clauses/editions')).body as {
      code: string;
      isCurrent: boolean;
    }[];
    expect(editions.map((e) => [e.code, e.isCurrent])).toEqual([
      [DRAFT_2026, false],
      [TCVN_2015, true],
    ]);
    const draft = await clauses({ edition: DRAFT_2026 });
    expect(draft.map((c) => `${c.number} ${c.titleVi}`)).toEqual([
      '9 Đánh giá kết quả thực hiện',
      '9.2 Đánh giá nội bộ',
      '10 Cải tiến',
      '10.2 Sự không phù hợp và hành động khắc phục',
      '10.2.1 Xử lý sự không phù hợp',
    ]);
    expect((await clauses({ edition: DRAFT_2026, q: 'danh gia noi bo' })).map((c) => c.number)).toEqual([
      '9.2',
    ]);
    // The default stays the current edition.
    expect(await clauses()).toHaveLength(91);

    const mappings = await apiAs(ctx, staff).get(
      `/iso-clauses/mappings${q({ from: TCVN_2015, to: DRAFT_2026 })}`,
    );
    expect(mappings.status).toBe(200);
    expect(mappings.body).toEqual([
      {
        fromEdition: TCVN_2015,
        fromNumber: '9.2',
        fromTitleVi: 'Đánh giá nội bộ',
        toEdition: DRAFT_2026,
        toNumber: '9.2',
        toTitleVi: 'Đánh giá nội bộ',
        note: null,
      },
      {
        fromEdition: TCVN_2015,
        fromNumber: '9.2.1',
        fromTitleVi: 'Mục đích và tần suất đánh giá nội bộ',
        toEdition: DRAFT_2026,
        toNumber: '9.2',
        toTitleVi: 'Đánh giá nội bộ',
        note: 'Gộp vào 9.2',
      },
      {
        fromEdition: TCVN_2015,
        fromNumber: '10.2',
        fromTitleVi: 'Sự không phù hợp và hành động khắc phục',
        toEdition: DRAFT_2026,
        toNumber: '10.2',
        toTitleVi: 'Sự không phù hợp và hành động khắc phục',
        note: null,
      },
      {
        fromEdition: TCVN_2015,
        fromNumber: '10.2',
        fromTitleVi: 'Sự không phù hợp và hành động khắc phục',
        toEdition: DRAFT_2026,
        toNumber: '10.2.1',
        toTitleVi: 'Xử lý sự không phù hợp',
        note: 'Tách một phần sang 10.2.1',
      },
      {
        fromEdition: TCVN_2015,
        fromNumber: '10.2.1',
        fromTitleVi: 'Xử lý sự không phù hợp và hành động khắc phục',
        toEdition: DRAFT_2026,
        toNumber: '10.2.1',
        toTitleVi: 'Xử lý sự không phù hợp',
        note: null,
      },
    ]);
    // Other domains read the same rows through the directory (one to many, in the standard's order).
    const mapped = await ctx.app
      .get(IsoClauseDirectory)
      .mappedClauses(TCVN_2015, ['10.2', '9.2.1', '7.1', '9.2'], DRAFT_2026);
    expect(Object.fromEntries(mapped)).toEqual({
      '9.2': ['9.2'],
      '9.2.1': ['9.2'],
      '10.2': ['10.2', '10.2.1'],
    });
    // Nothing maps the other way.
    expect((await apiAs(ctx, staff).get(`/iso-clauses/mappings${q({ from: DRAFT_2026 })}`)).body).toEqual([]);
  });
});
