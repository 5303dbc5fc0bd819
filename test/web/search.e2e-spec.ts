import { Browser, Page } from 'playwright-core';
import { Role } from '@eiso/common';
import { apiAs } from '../support/api-as';
import {
  chooseOption,
  errorsOf,
  launchBrowser,
  seriousAccessibilityViolations,
  serveApp,
  signedInPage,
} from '../support/browser';
import {
  approvedVersion,
  DocumentRef,
  DraftingCircle,
  issueVersion,
  newDocument,
  newDraftingCircle,
  versionPath,
} from '../support/document-flow';
import { buildDocx } from '../support/docx';
import { samplePdf } from '../support/files';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { newRecord, newRecordType } from '../support/record-flow';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

/** The Word procedure of the Sở Tư pháp, with accents a user will not type. */
const PROCEDURE = [
  'QUY TRÌNH CẤP PHIẾU LÝ LỊCH TƯ PHÁP',
  'Thời hạn giải quyết: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.',
  'Nơi tiếp nhận: Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh Kon Tum.',
];
const CERTIFICATION = ['QUY TRÌNH CHỨNG THỰC BẢN SAO', 'Lệ phí chứng thực: 2.000 đồng mỗi trang.'];
const CONVERSION_ERROR = 'LibreOffice không trả lời trong 120 giây';

/**
 * Search in what files hold, through the screens: a staff member types a phrase without accents
 * (in the page, or in the header's box), sees the procedure with the accented words marked and
 * opens it, its Word file showing it has its PDF; another agency's staff find nothing; records are
 * searched in their own scope; the overseer narrows to one agency; a refused query shows the API's
 * message; a failed conversion is run again by the ISO secretary (staff see no button). Axe on each
 * screen.
 */
describe('web: search in the content of files', () => {
  // Word files go through LibreOffice in the worker: the setup needs minutes on a busy machine.
  jest.setTimeout(240_000);
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let justice: DraftingCircle;
  let justiceStaff: TestUser;
  let healthStaff: TestUser;
  let overseer: TestUser;
  let procedure: DocumentRef;
  let certification: DocumentRef;
  let recordId: string;
  const pages: Page[] = [];

  const drain = () => waitForQueuesToDrain(ctx.worker!, 120_000);
  const signIn = async (user: TestUser): Promise<Page> => {
    const page = await signedInPage(browser, baseUrl, user);
    // Routing requests through Playwright turns the browser's HTTP cache off (no 304 on GET /me).
    await page.route('**/api/v1/**', (route) => route.continue());
    pages.push(page);
    return page;
  };
  const header = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
  const results = (page: Page) => page.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('listitem');
  /** Types `q` in the page's box and waits for its answer to be shown (not the previous one's). */
  const search = async (page: Page, q: string) => {
    const answered = page.waitForResponse(
      (r) => r.url().includes('/api/v1/search?') && new URL(r.url()).searchParams.get('q') === q,
    );
    await page.getByLabel('Từ khóa', { exact: true }).fill(q);
    await page.getByLabel('Từ khóa', { exact: true }).press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === q);
    await answered;
    await settled(page);
  };
  /** The results shown are those of the address: no search is on its way. */
  const settled = (page: Page) =>
    page.locator('[data-testid="search-results"][aria-busy="false"], [role="alert"]').first().waitFor();
  /** An issued procedure whose primary file is the given Word document. */
  const wordProcedure = async (code: string, title: string, paragraphs: string[]) => {
    const doc = await newDocument(ctx, justice, code, { title });
    const up = await apiAs(ctx, justice.drafter).upload(
      `${versionPath(doc)}/files`,
      `${code}.docx`,
      await buildDocx(paragraphs),
      { kind: 'primary' },
    );
    expect(up.status).toBe(201);
    return doc;
  };

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true });
    const province = await ctx.newAgency({ name: 'Ủy ban nhân dân tỉnh Kon Tum', level: 'province' });
    const justiceAgency = await ctx.newAgency({
      name: 'Sở Tư pháp',
      parentId: province.id,
      abbreviation: 'STP',
    });
    const healthAgency = await ctx.newAgency({ name: 'Sở Y tế', parentId: province.id, abbreviation: 'SYT' });
    const dost = await ctx.newAgency({
      name: 'Sở Khoa học và Công nghệ',
      parentId: province.id,
      abbreviation: 'SKHCN',
    });
    const unit = await ctx.newOrgUnit(justiceAgency.id, 'Văn phòng Sở');
    justice = await newDraftingCircle(ctx, justiceAgency.id);
    justiceStaff = await ctx.newUser({
      roles: [Role.Staff],
      agencyId: justiceAgency.id,
      fullName: 'Đỗ Minh Khôi',
    });
    healthStaff = await ctx.newUser({
      roles: [Role.Staff],
      agencyId: healthAgency.id,
      fullName: 'Vũ Thị Lan',
    });
    overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId: dost.id, fullName: 'Đặng Văn Khoa' });

    procedure = await wordProcedure('QT-LLTP-01', 'Quy trình cấp Phiếu lý lịch tư pháp', PROCEDURE);
    certification = await wordProcedure('QT-CT-02', 'Quy trình chứng thực bản sao', CERTIFICATION);
    const type = await newRecordType(ctx, justice.secretary, unit.id, 'HS-LLTP', {
      name: 'Hồ sơ cấp Phiếu lý lịch tư pháp',
    });
    const record = await newRecord(ctx, justiceStaff, type.id, {
      title: 'Hồ sơ cấp Phiếu lý lịch tư pháp số 125',
      reference: 'LLTP-125',
      recordDate: '2026-11-20',
    });
    recordId = record.id;
    const file = await apiAs(ctx, justiceStaff).upload(
      `/records/${recordId}/files`,
      'to-khai.pdf',
      await samplePdf('To khai yeu cau cap Phieu ly lich tu phap cua ong Nguyen Van Minh'),
    );
    expect(file.status).toBe(201);
    // Rendered and read before the versions are issued, as a drafter would wait for it.
    await drain();
    for (const doc of [procedure, certification]) {
      await approvedVersion(ctx, justice, doc);
      expect((await issueVersion(ctx, justice, doc)).status).toBe(200);
    }
    await drain();
    baseUrl = await serveApp(ctx);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });
  afterEach(() => {
    for (const page of pages) expect(errorsOf(page)).toEqual([]);
  });

  it('staff type a phrase without accents: the procedure is found, its words marked, and opens', async () => {
    const page = await signIn(justiceStaff);
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/\/search$/);
    await header(page, 'Tìm kiếm nội dung').waitFor();
    await page.getByText('Gõ có dấu hay không dấu đều được.', { exact: false }).waitFor();
    await page.getByText('Nhập từ khóa rồi nhấn Enter để tìm trong nội dung các tệp.').waitFor();

    await search(page, 'thoi han giai quyet');
    await page.getByText('Tìm thấy 1 kết quả').waitFor();
    await expect(results(page).count()).resolves.toBe(1);
    const hit = results(page).first();
    const text = await hit.innerText();
    for (const expected of ['Sở Tư pháp', 'Đang hiệu lực', 'Quy trình', 'Lần ban hành 1', 'QT-LLTP-01.docx'])
      expect(text).toContain(expected);
    // The accented words of the file are marked, the words around them are plain text.
    const marked = await hit.locator('mark').allInnerTexts();
    expect(marked.join(' ')).toBe('Thời hạn giải quyết');
    await expect(hit.getByTestId('search-snippet').innerText()).resolves.toContain('05 ngày làm việc');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await hit.getByRole('link', { name: 'QT-LLTP-01 — Quy trình cấp Phiếu lý lịch tư pháp' }).click();
    await page.waitForURL(new RegExp(`${versionPath(procedure)}$`));
    await header(page, 'QT-LLTP-01 — lần sửa đổi 1').waitFor();
    const row = page.getByRole('table', { name: 'Tệp của lần sửa đổi 1' }).getByRole('row', {
      name: /QT-LLTP-01\.docx/,
    });
    await row.getByText('Đã có bản PDF').waitFor();
    // Read, and nothing to run again: the text layer is not mentioned, no "Chạy lại".
    await expect(row.innerText()).resolves.not.toContain('lớp chữ');
    await expect(page.getByRole('button', { name: /Chạy lại/ }).count()).resolves.toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Back: the same query and hit, from the address.
    await page.goBack();
    await page.getByText('Tìm thấy 1 kết quả').waitFor();
    await expect(page.getByLabel('Từ khóa', { exact: true }).inputValue()).resolves.toBe(
      'thoi han giai quyet',
    );
  });

  it('a query without a letter or digit shows the API’s refusal; Back, the previous results', async () => {
    const page = pages[0];
    await search(page, '"" ***');
    await page
      .getByRole('alert')
      .getByText('Từ khóa tìm kiếm phải có ít nhất một chữ hoặc chữ số.')
      .waitFor();
    // Each query typed is a step of the history.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('q') === 'thoi han giai quyet');
    await page.getByText('Tìm thấy 1 kết quả').waitFor();
    await expect(page.getByLabel('Từ khóa', { exact: true }).inputValue()).resolves.toBe(
      'thoi han giai quyet',
    );
  });

  it('staff search their records under "Hồ sơ" and open the record found', async () => {
    const page = pages[0];
    await page.getByRole('radiogroup', { name: 'Tìm trong' }).getByText('Hồ sơ', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('scope') === 'records');
    await page.getByLabel('Loại hồ sơ', { exact: true }).waitFor();
    await expect(page.getByLabel('Loại tài liệu', { exact: true }).count()).resolves.toBe(0);
    await search(page, 'nguyen van minh');
    await page.getByText('Tìm thấy 1 kết quả').waitFor();
    const hit = results(page).first();
    const text = await hit.innerText();
    for (const expected of [
      'Đang lưu trữ',
      'HS-LLTP – Hồ sơ cấp Phiếu lý lịch tư pháp',
      'Ngày hồ sơ 20/11/2026',
    ])
      expect(text).toContain(expected);
    // The sample PDF writes its words twice: two fragments, each with the name marked.
    expect(new Set(await hit.locator('mark').allInnerTexts())).toEqual(new Set(['Nguyen', 'Van', 'Minh']));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await hit.getByRole('link', { name: 'LLTP-125 — Hồ sơ cấp Phiếu lý lịch tư pháp số 125' }).click();
    await page.waitForURL(new RegExp(`/records/${recordId}$`));
  });

  it('another agency’s staff, searching from the header, find nothing', async () => {
    const page = await signIn(healthStaff);
    const box = page.getByRole('search', { name: 'Tìm trong nội dung tài liệu' });
    await box.getByRole('searchbox').fill('thoi han giai quyet');
    await box.getByRole('searchbox').press('Enter');
    await page.waitForURL(
      (url) => url.pathname === '/search' && url.searchParams.get('q') === 'thoi han giai quyet',
    );
    await page.getByText('Không tìm thấy nội dung phù hợp').waitFor();
    await expect(page.getByText(/Tìm thấy \d+ kết quả/).count()).resolves.toBe(0);
    // The search screen has its own box: the header's is gone.
    await expect(page.getByRole('search', { name: 'Tìm trong nội dung tài liệu' }).count()).resolves.toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('the overseer searches every agency, narrows to one, and has no "Hồ sơ"', async () => {
    const page = await signIn(overseer);
    await page.goto('/search');
    await header(page, 'Tìm kiếm nội dung').waitFor();
    await expect(page.getByRole('radio', { name: 'Hồ sơ' }).count()).resolves.toBe(0);
    await search(page, 'ly lich tu phap');
    await page.getByText('Tìm thấy 1 kết quả').waitFor();
    await expect(results(page).first().innerText()).resolves.toContain('Sở Tư pháp');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await chooseOption(page, 'Cơ quan', 'Sở Y tế');
    await page.waitForURL((url) => url.searchParams.has('agencyId'));
    await settled(page);
    await page.getByText('Không tìm thấy nội dung phù hợp').waitFor();
  });

  it('a failed conversion: the secretary runs it again, staff only see the state', async () => {
    const [file] = await ctx.sql<{ storage_key: string }>(
      `SELECT storage_key FROM attachment WHERE deleted_at IS NULL AND subject_id = $1 AND name = $2`,
      [certification.versionId, 'QT-CT-02.docx'],
    );
    await ctx.sql(
      `UPDATE file_content
          SET render_state = 'failed', render_error = $2, rendition_key = NULL, rendition_sha256 = NULL,
              rendition_size = NULL, rendered_by = NULL
        WHERE source_key = $1`,
      [file.storage_key, CONVERSION_ERROR],
    );
    const failed = 'Chuyển sang PDF không thành công';

    const staffPage = await signIn(justiceStaff);
    await staffPage.goto(versionPath(certification));
    await staffPage
      .getByRole('row', { name: /QT-CT-02\.docx/ })
      .getByText(failed)
      .waitFor();
    await expect(staffPage.getByRole('button', { name: /Chạy lại/ }).count()).resolves.toBe(0);

    const page = await signIn(justice.secretary);
    await page.goto(versionPath(certification));
    const row = page.getByRole('row', { name: /QT-CT-02\.docx/ });
    const tag = row.getByText(failed);
    await tag.waitFor();
    await tag.hover();
    await page.getByRole('tooltip').getByText(`Lý do: ${CONVERSION_ERROR}`).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const retried = page.waitForResponse((r) => r.url().endsWith('/content/retry'));
    await row.getByRole('button', { name: 'Chạy lại việc xử lý tệp QT-CT-02.docx' }).click();
    const answer = await retried;
    expect(answer.status()).toBe(200);
    expect(
      ((await answer.json()) as { content: { rendition: { state: string } } }).content.rendition.state,
    ).toBe('pending');
    await page.getByText('Đã cho chạy lại việc xử lý tệp QT-CT-02.docx.').waitFor();
    await drain();
    // The page asks again while the file is on its way: the tag changes by itself.
    await row.getByText('Đã có bản PDF').waitFor({ timeout: 30_000 });
    await expect(row.getByRole('button', { name: /Chạy lại/ }).count()).resolves.toBe(0);
  });
});
