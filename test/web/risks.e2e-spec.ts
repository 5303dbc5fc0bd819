import { Browser, Page } from 'playwright-core';
import { Role } from '@eiso/common';
import {
  launchBrowser,
  seriousAccessibilityViolations,
  serveApp,
  signedInPage,
  chooseOption,
} from '../support/browser';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

/**
 * The register of risks and opportunities through the screens: a unit head records a risk
 * L3 × I4 = 12 "Cao", finds it in its heat-map cell and in the table (the cell filters the table),
 * re-assesses it to L2 × I2 and sees "Thấp" and the new history row. Axe on each screen.
 */
describe('the risk screens', () => {
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let head: TestUser;
  const pages: Page[] = [];

  const signIn = async (user: TestUser): Promise<Page> => {
    const page = await signedInPage(browser, baseUrl, user);
    // Routing requests through Playwright turns the browser's HTTP cache off (no 304 on GET /me).
    await page.route('**/api/v1/**', (route) => route.continue());
    pages.push(page);
    return page;
  };
  const dialog = (page: Page) => page.getByRole('dialog');
  const tableRows = (page: Page) =>
    page.getByRole('table', { name: 'Danh sách rủi ro và cơ hội' }).locator('tbody tr.ant-table-row');

  beforeAll(async () => {
    ctx = await createTestContext();
    const agencyId = (await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum' })).id;
    const unit = await ctx.newOrgUnit(agencyId, 'Bộ phận Một cửa');
    head = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId,
      orgUnitId: unit.id,
      fullName: 'Trần Văn Trưởng',
    });
    baseUrl = await serveApp(ctx);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('records a risk, finds it on the heat map and in the table, re-assesses, edits, closes and reopens it', async () => {
    const page = await signIn(head);
    await page.goto('/risks');
    await page.getByRole('heading', { level: 1, name: 'Rủi ro và cơ hội' }).waitFor();
    await page.getByText('Chưa có rủi ro, cơ hội nào.').waitFor();
    await page
      .getByRole('button', { name: /Khả năng xảy ra 3, mức độ ảnh hưởng 4: 0 mục, mức\s+Cao/ })
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Record it: the form refuses it empty, then shows the score and level as they are chosen.
    await page.getByRole('button', { name: 'Ghi nhận rủi ro, cơ hội' }).click();
    await dialog(page).getByRole('button', { name: 'Ghi nhận' }).click();
    await dialog(page).getByText('Nhập mô tả.').waitFor();
    await dialog(page)
      .getByLabel('Mô tả', { exact: true })
      .fill('Hồ sơ thủ tục hành chính trả kết quả trễ hạn');
    await chooseOption(page, 'Khả năng xảy ra', '3 — Có thể', { within: dialog(page) });
    await chooseOption(page, 'Mức độ ảnh hưởng', '4 — Lớn', { within: dialog(page) });
    await dialog(page).getByTestId('risk-create-score').filter({ hasText: 'Điểm: 12 Cao' }).waitFor();
    await dialog(page).getByLabel('Biện pháp xử lý').fill('Bố trí thêm cán bộ tiếp nhận vào ngày cao điểm');
    await chooseOption(page, 'Đơn vị chủ trì', 'Bộ phận Một cửa', { within: dialog(page) });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog(page).getByRole('button', { name: 'Ghi nhận' }).click();
    await page.waitForURL(/\/risks\/[0-9a-f-]{36}$/);
    const riskUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: 'Rủi ro RR-001' }).waitFor();
    await page.getByTestId('risk-level').filter({ hasText: 'Cao' }).waitFor();
    expect(await page.getByTestId('risk-score').textContent()).toBe('12');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The heat map counts it in its cell, the table lists it; the cell filters the table.
    await page.getByRole('link', { name: 'Về danh sách rủi ro và cơ hội' }).click();
    await page.waitForURL(/\/risks$/);
    const cell = page.getByRole('button', {
      name: /Khả năng xảy ra 3, mức độ ảnh hưởng 4: 1 mục, mức\s+Cao/,
    });
    await cell.waitFor();
    expect(await cell.locator('[data-part="count"]').textContent()).toBe('1');
    await tableRows(page).filter({ hasText: 'RR-001' }).filter({ hasText: 'Cao' }).waitFor();
    expect(await tableRows(page).first().textContent()).toContain('Bộ phận Một cửa');
    await cell.click();
    await page.waitForURL(/likelihood=3&impact=4/);
    await page.locator('[data-testid="heat-3-4"][aria-pressed="true"]').waitFor();
    await page.getByTestId('risk-cell-filter').waitFor();
    await tableRows(page).filter({ hasText: 'RR-001' }).waitFor();
    await page.getByRole('button', { name: /Khả năng xảy ra 2, mức độ ảnh hưởng 2: 0 mục/ }).click();
    await page.waitForURL(/likelihood=2&impact=2/);
    await page.getByText('Chưa có rủi ro, cơ hội nào.').waitFor();
    // Opportunities only: the cell counts none.
    await page.getByText('Cơ hội', { exact: true }).click();
    await page.waitForURL(/kind=opportunity/);
    await page
      .getByRole('button', { name: /Khả năng xảy ra 3, mức độ ảnh hưởng 4: 0 mục, mức\s+Cao/ })
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Re-assess it to L2 × I2 = 4: "Thấp", and a second row in the history.
    await page.goto(riskUrl);
    await page.getByRole('heading', { level: 1, name: 'Rủi ro RR-001' }).waitFor();
    await page.getByRole('button', { name: 'Đánh giá lại' }).click();
    await chooseOption(page, 'Khả năng xảy ra', '2 — Ít khi', { within: dialog(page) });
    await chooseOption(page, 'Mức độ ảnh hưởng', '2 — Nhỏ', { within: dialog(page) });
    await dialog(page).getByTestId('risk-assess-score').filter({ hasText: 'Điểm: 4 Thấp' }).waitFor();
    await dialog(page).getByRole('button', { name: 'Lưu đánh giá' }).click();
    await dialog(page).getByText('Nhập nhận xét đánh giá.').waitFor();
    await dialog(page).getByLabel('Nhận xét đánh giá').fill('Đã bố trí thêm cán bộ, hồ sơ trễ hạn giảm rõ');
    await dialog(page).getByRole('button', { name: 'Lưu đánh giá' }).click();
    await dialog(page).waitFor({ state: 'hidden' });
    await page.getByTestId('risk-level').filter({ hasText: 'Thấp' }).waitFor();
    expect(await page.getByTestId('risk-score').textContent()).toBe('4');
    const history = page
      .getByRole('table', { name: 'Các lần đánh giá, cũ nhất trước' })
      .locator('tbody tr.ant-table-row');
    await history.nth(1).filter({ hasText: 'Đã bố trí thêm cán bộ, hồ sơ trễ hạn giảm rõ' }).waitFor();
    expect(await history.count()).toBe(2);
    expect(await history.nth(0).textContent()).toContain('Ban đầu');
    expect(await history.nth(0).textContent()).toContain('Cao');
    expect(await history.nth(1).textContent()).toContain('Thấp');
    expect(await history.nth(1).textContent()).toContain('Trần Văn Trưởng');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Edit its wording (If-Match), close it with a reason, reopen it.
    await page.getByRole('button', { name: 'Sửa', exact: true }).click();
    await dialog(page)
      .getByLabel('Mô tả', { exact: true })
      .fill('Hồ sơ TTHC trả kết quả trễ hạn vào cuối năm');
    await dialog(page).getByRole('button', { name: 'Lưu', exact: true }).click();
    await dialog(page).waitFor({ state: 'hidden' });
    await page.getByText('Hồ sơ TTHC trả kết quả trễ hạn vào cuối năm').first().waitFor();
    await page.getByRole('button', { name: 'Đóng', exact: true }).click();
    await dialog(page).getByRole('button', { name: 'Xác nhận đóng' }).click();
    await dialog(page).getByText('Nhập lý do.').waitFor();
    await dialog(page).getByLabel('Lý do').fill('Biện pháp đã có hiệu quả');
    await dialog(page).getByRole('button', { name: 'Xác nhận đóng' }).click();
    await page.getByTestId('risk-state').filter({ hasText: 'Đã đóng' }).waitFor();
    await page.getByText('Biện pháp đã có hiệu quả', { exact: false }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Đánh giá lại' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Mở lại' }).click();
    await dialog(page).getByLabel('Lý do').fill('Rủi ro xuất hiện trở lại');
    await dialog(page).getByRole('button', { name: 'Xác nhận mở lại' }).click();
    await page.getByTestId('risk-state').filter({ hasText: 'Đang theo dõi' }).waitFor();
    await page.getByText(/Mở lại bởi Trần Văn Trưởng: Rủi ro xuất hiện trở lại/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Back on the list: the heat map moved it to its new cell.
    await page.goto('/risks');
    await page
      .getByRole('button', { name: /Khả năng xảy ra 2, mức độ ảnh hưởng 2: 1 mục, mức\s+Thấp/ })
      .waitFor();
    await tableRows(page).filter({ hasText: 'RR-001' }).filter({ hasText: 'Thấp' }).waitFor();
  });
});
