import { Browser, Page } from 'playwright-core';
import { Role } from '@eiso/common';
import { answerChecklist, checklistOf } from '../support/audit-flow';
import {
  errorsOf,
  launchBrowser,
  seriousAccessibilityViolations,
  serveApp,
  signedInPage,
  chooseOption,
} from '../support/browser';
import { samplePdf } from '../support/files';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

/**
 * The internal audit screens as people use them: the ISO secretary lays out the year's programme
 * and plans an audit (a team that is not independent is refused with the server's message), then
 * issues the plan; the lead auditor starts it, answers the checklist, records a major
 * nonconformity with an evidence file, signs the report (a wrong password first) and opens its PDF.
 */
describe('internal audit screens', () => {
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let secretary: TestUser;
  let lead: TestUser;
  let secretaryPage: Page;
  let leadPage: Page;
  let auditId: string;

  const YEAR = 2027;
  const PROGRAMME_TITLE = `Chương trình đánh giá nội bộ năm ${YEAR}`;
  const AUDIT_TITLE = 'Đánh giá nội bộ Văn phòng Sở đợt 1';

  const stateTag = (page: Page) => page.getByTestId('audit-state');
  /** Signs in with the browser's HTTP cache off for the API (a revalidation would get an undocumented 304). */
  const signIn = async (user: TestUser): Promise<Page> => {
    const page = await signedInPage(browser, baseUrl, user);
    await page.context().route('**/api/**', (route) => route.continue());
    // The shared 2-core machine is slow under load: give each step more time than the default.
    page.setDefaultTimeout(30_000);
    return page;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    const agency = await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum' });
    const office = await ctx.newOrgUnit(agency.id, 'Văn phòng Sở');
    const inspection = await ctx.newOrgUnit(agency.id, 'Thanh tra Sở');
    secretary = await ctx.newUser({
      roles: [Role.IsoSecretary],
      agencyId: agency.id,
      fullName: 'Phạm Thị Thư Ký',
      position: 'Chuyên viên',
    });
    lead = await ctx.newUser({
      roles: [Role.Auditor],
      agencyId: agency.id,
      fullName: 'Nguyễn Văn Trưởng Đoàn',
      position: 'Thanh tra viên',
      orgUnitId: inspection.id,
    });
    await ctx.newUser({
      roles: [Role.Auditor],
      agencyId: agency.id,
      fullName: 'Đặng Thị Văn Phòng',
      position: 'Chuyên viên',
      orgUnitId: office.id,
    });
    baseUrl = await serveApp(ctx);
    browser = await launchBrowser();
    secretaryPage = await signIn(secretary);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('lets the secretary lay out the programme of the year', async () => {
    const page = secretaryPage;
    await page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Chương trình đánh giá' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Chương trình đánh giá nội bộ' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Lập chương trình' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Năm', { exact: true }).fill(String(YEAR));
    await dialog.getByLabel('Tên chương trình').fill(PROGRAMME_TITLE);
    await chooseOption(page, 'Phòng, ban', 'Văn phòng Sở', { within: dialog });
    await chooseOption(page, 'Tháng dự kiến', 'Tháng 3', { within: dialog });
    await dialog.getByRole('button', { name: 'Lưu' }).click();

    await page.waitForURL(/\/audit-programmes\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: PROGRAMME_TITLE }).waitFor();
    const row = page.getByRole('row', { name: /Văn phòng Sở/ });
    await expect(row.innerText()).resolves.toMatch(/Trung bình[\s\S]*Tháng 3/);

    const [register] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/register?format=pdf')),
      page.getByRole('button', { name: 'Mở bản PDF' }).click(),
    ]);
    expect(register.status()).toBe(200);
    expect(register.headers()['content-type']).toContain('application/pdf');
  }, 300_000);

  it('refuses an audit team that is not independent, then plans the audit and issues the plan', async () => {
    const page = secretaryPage;
    await page.goto('/audits');
    await page.getByRole('heading', { level: 1, name: 'Cuộc đánh giá nội bộ' }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Lập kế hoạch đánh giá' }).click();
    const dialog = page.getByRole('dialog');
    await chooseOption(page, 'Chương trình đánh giá', `${YEAR} — ${PROGRAMME_TITLE}`, { within: dialog });
    await dialog.getByLabel('Tên cuộc đánh giá').fill(AUDIT_TITLE);
    await chooseOption(page, 'Phòng, ban được đánh giá', 'Văn phòng Sở', { within: dialog });
    const clauses = 'Điều khoản ISO 9001 được đánh giá';
    await chooseOption(page, clauses, '7.5 — Thông tin dạng văn bản', { within: dialog, search: '7.5' });
    await chooseOption(page, clauses, '8.5 — Sản xuất và cung cấp dịch vụ', {
      within: dialog,
      search: '8.5',
    });
    await dialog.getByLabel('Ngày bắt đầu').fill(`10/03/${YEAR}`);
    await dialog.getByLabel('Ngày bắt đầu').press('Enter');
    await dialog.getByLabel('Ngày kết thúc').fill(`12/03/${YEAR}`);
    await dialog.getByLabel('Ngày kết thúc').press('Enter');
    await chooseOption(page, 'Trưởng đoàn đánh giá', 'Nguyễn Văn Trưởng Đoàn (Thanh tra viên)', {
      within: dialog,
    });
    await chooseOption(page, 'Thành viên đoàn đánh giá', 'Đặng Thị Văn Phòng (Chuyên viên)', {
      within: dialog,
    });
    await dialog.getByRole('button', { name: 'Lưu kế hoạch' }).click();

    await dialog
      .getByRole('alert')
      .filter({
        hasText:
          'Đặng Thị Văn Phòng thuộc Văn phòng Sở, là đơn vị trong phạm vi đánh giá. ' +
          'Đánh giá viên không được đánh giá đơn vị của chính mình',
      })
      .waitFor();

    await dialog
      .locator(
        '.ant-select-selection-item[title="Đặng Thị Văn Phòng (Chuyên viên)"] .ant-select-selection-item-remove',
      )
      .click();
    await dialog.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.waitForURL(/\/audits\/[0-9a-f-]{36}$/);
    auditId = /\/audits\/([0-9a-f-]{36})$/.exec(page.url())![1];
    await page.getByRole('heading', { level: 1, name: new RegExp(AUDIT_TITLE) }).waitFor();
    await expect(stateTag(page).innerText()).resolves.toBe('Đã lập kế hoạch');
    await expect(page.getByRole('tabpanel').innerText()).resolves.toMatch(
      /7\.5 — Thông tin dạng văn bản[\s\S]*8\.5 — Sản xuất và cung cấp dịch vụ/,
    );
    await expect(page.getByRole('tabpanel').innerText()).resolves.toContain(
      `Từ 10/03/${YEAR} đến 12/03/${YEAR}`,
    );

    await page.getByRole('button', { name: 'Ban hành kế hoạch' }).click();
    await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await page.getByTestId('audit-state').getByText('Đã ban hành kế hoạch').waitFor();
    expect(await page.getByRole('button', { name: 'Ban hành kế hoạch' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errorsOf(page)).toEqual([]);
  }, 300_000);

  it('lets the lead start, answer the checklist and record a major nonconformity with evidence', async () => {
    leadPage = await signIn(lead);
    const page = leadPage;
    await page.goto(`/audits/${auditId}`);
    await stateTag(page).getByText('Đã ban hành kế hoạch').waitFor();
    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).click();
    await stateTag(page).getByText('Đang đánh giá').waitFor();

    await page.getByRole('tab', { name: 'Danh mục kiểm tra' }).click();
    const first = page.getByTestId('checklist-item-1');
    await expect(first.innerText()).resolves.toContain('Điều khoản 7.5 — Thông tin dạng văn bản');
    await expect(first.innerText()).resolves.toContain('Chưa trả lời');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await chooseOption(page, 'Kết quả — Câu hỏi 1', 'Phù hợp', { within: first });
    await first.getByLabel('Ghi chép — Câu hỏi 1').fill('Đã xem Sổ theo dõi văn bản đến năm 2027.');
    await first.getByRole('button', { name: 'Lưu câu trả lời — Câu hỏi 1' }).click();
    await page.getByTestId('checklist-item-1').locator('.ant-card-extra').getByText('Phù hợp').waitFor();
    await page.getByText('Đã trả lời 1/2 câu hỏi.').waitFor();
    await page
      .getByTestId('checklist-item-1')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'so-theo-doi.pdf',
        mimeType: 'application/pdf',
        buffer: await samplePdf('So theo doi'),
      });
    await page
      .getByTestId('checklist-item-1')
      .getByText(/so-theo-doi\.pdf \(\d+ KB\)/)
      .waitFor();

    await page.getByRole('tab', { name: 'Phát hiện' }).click();
    await page.getByRole('button', { name: 'Ghi nhận phát hiện' }).click();
    const dialog = page.getByRole('dialog');
    await chooseOption(page, 'Loại phát hiện', 'Không phù hợp nặng', { within: dialog });
    await chooseOption(page, 'Điều khoản', '8.5.1 — Kiểm soát sản xuất và cung cấp dịch vụ', {
      within: dialog,
      search: '8.5.1',
    });
    await dialog
      .getByLabel('Nội dung phát hiện')
      .fill('Hồ sơ TTHC số 12 trả kết quả quá hạn 5 ngày, không có văn bản xin lỗi.');
    await dialog.getByLabel('Bằng chứng khách quan').fill('Phiếu kiểm soát quá trình hồ sơ số 12.');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'phieu-kiem-soat.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('Phieu'),
    });
    await dialog.getByText('phieu-kiem-soat.pdf').waitFor();
    await dialog.getByRole('button', { name: 'Lưu phát hiện' }).click();

    const row = page.getByRole('row', { name: /PH-01/ });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(
      /PH-01[\s\S]*Không phù hợp nặng[\s\S]*8\.5\.1 — Kiểm soát sản xuất và cung cấp dịch vụ[\s\S]*Văn phòng Sở/,
    );
    await row.getByRole('button', { name: 'Tệp bằng chứng của phát hiện PH-01' }).click();
    await page
      .getByRole('dialog')
      .getByText(/phieu-kiem-soat\.pdf/)
      .waitFor();
    await page.locator('.ant-modal-close').click();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }, 300_000);

  it('signs the report after a wrong password, opens its PDF and keeps the audit open while NCs are', async () => {
    const page = leadPage;
    // The other checklist question, answered through the API (this test is about the screens).
    const items = await checklistOf(ctx, lead, auditId);
    await answerChecklist(
      ctx,
      lead,
      auditId,
      items.filter((i) => i.position !== 1),
    );
    // The audit changed under the open page (its version moves with the checklist): read it again,
    // or signing would be refused as stale (412), as it would for a person.
    await page.reload();

    await page.getByRole('tab', { name: 'Báo cáo' }).click();
    await page.getByText('Báo cáo chưa được trưởng đoàn ký.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page
      .getByLabel('Kết luận của đoàn đánh giá')
      .fill('Hệ thống quản lý chất lượng của Văn phòng Sở cơ bản phù hợp; có một điểm không phù hợp nặng.');
    await page.getByRole('button', { name: 'Ký báo cáo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mật khẩu ký').fill('sai-mat-khau-1');
    await dialog.getByRole('button', { name: 'Ký', exact: true }).click();
    await expect(dialog.getByRole('alert').innerText()).resolves.toContain('Còn 4 lần thử');
    await dialog.getByLabel('Mật khẩu ký').fill(USER_PASSWORD);
    await dialog.getByRole('button', { name: 'Ký', exact: true }).click();

    await stateTag(page).getByText('Đã báo cáo').waitFor();
    const panel = page.getByRole('tabpanel', { name: 'Báo cáo' });
    await panel.getByText('Nội dung khớp với chữ ký').waitFor();
    await expect(panel.innerText()).resolves.toContain('Nguyễn Văn Trưởng Đoàn — Thanh tra viên');
    await expect(panel.innerText()).resolves.toMatch(/Sự không phù hợp số \S+[\s\S]*từ phát hiện PH-01/);

    const [pdf] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/audits/${auditId}/report`)),
      page.getByRole('button', { name: 'Mở báo cáo PDF' }).click(),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    await page.getByRole('button', { name: 'Kết thúc cuộc đánh giá' }).click();
    await expect(panel.getByRole('alert').innerText()).resolves.toContain('Chưa kết thúc được cuộc đánh giá');
    await expect(stateTag(page).innerText()).resolves.toBe('Đã báo cáo');

    await page.getByRole('tab', { name: 'Phát hiện' }).click();
    const link = page.getByRole('row', { name: /PH-01/ }).getByRole('link');
    await expect(link.getAttribute('href')).resolves.toMatch(/^\/nonconformities\/[0-9a-f-]{36}$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    for (const p of [secretaryPage, leadPage]) expect(errorsOf(p)).toEqual([]);
  }, 300_000);
});
