import { Browser, Page } from 'playwright-core';
import { Role } from '@eiso/common';
import {
  chooseOption,
  errorsOf,
  launchBrowser,
  seriousAccessibilityViolations,
  serveApp,
  signedInPage,
  waitUntil,
} from '../support/browser';
import { bringToReadiness } from '../support/conformity-flow';
import { FixedClock } from '../support/fixed-clock';
import { buildReviewYear, newReviewPeople, noonVn, ReviewPeople, ReviewYear } from '../support/review-data';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

/**
 * The conformity declaration through the screens: the ISO secretary drafts it, the head is refused
 * while the agency is not ready (the dialog says what is missing), then signs once it is; the
 * decision PDF shows in the page; the secretary sends it to Sở KH&CN, whose overseer finds it in
 * the province's list and acknowledges it; the province view's totals, chart and row change.
 * Axe on each role's screen.
 */
describe('the conformity declaration screens', () => {
  const clock = new FixedClock(new Date(noonVn('2026-01-05')));
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let a: ReviewPeople;
  let data: ReviewYear;
  let overseer: TestUser;
  let declarationUrl: string;
  const pages: Page[] = [];

  const signIn = async (user: TestUser): Promise<Page> => {
    const page = await signedInPage(browser, baseUrl, user);
    // Routing requests through Playwright turns the browser's HTTP cache off (no 304 on GET /me).
    await page.route('**/api/v1/**', (route) => route.continue());
    pages.push(page);
    return page;
  };
  const state = (page: Page, label: string) =>
    page.getByTestId('declaration-state').getByText(label).waitFor();

  beforeAll(async () => {
    ctx = await createTestContext({}, { clock });
    a = await newReviewPeople(ctx, 'Sở Tư pháp', 'STP');
    const dost = await ctx.newAgency({ name: 'Sở Khoa học và Công nghệ', abbreviation: 'SKHCN' });
    overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId: dost.id, fullName: 'Đặng Văn Khoa' });
    data = await buildReviewYear(ctx, clock, a, 2026);
    clock.set(noonVn('2027-01-10'));
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

  it('the overseer’s province view: nobody has declared yet', async () => {
    const page = await signIn(overseer);
    await page.getByRole('navigation', { name: 'Chức năng' }).getByText('Công bố phù hợp').click();
    await page.getByRole('link', { name: 'Theo dõi các cơ quan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Theo dõi áp dụng HTQLCL' }).waitFor();
    await page
      .getByTestId('oversight-totals')
      .getByText(/đã công bố 0,/)
      .waitFor();
    await page.locator('[role="img"][aria-label*="đã công bố 0,"]').waitFor();
    await page
      .getByRole('row', { name: /Sở Tư pháp/ })
      .getByText('Chưa công bố')
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('the secretary drafts the declaration; the head is refused while the agency is not ready', async () => {
    const secretary = await signIn(a.secretary);
    await secretary.getByRole('navigation', { name: 'Chức năng' }).getByText('Công bố phù hợp').click();
    await secretary.getByRole('link', { name: 'Quyết định công bố' }).click();
    await secretary.getByRole('heading', { level: 1, name: 'Quyết định công bố HTQLCL' }).waitFor();
    await secretary.getByText('Chưa có quyết định công bố nào.').waitFor();
    await secretary.getByRole('button', { name: 'Lập quyết định công bố' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Lập dự thảo quyết định công bố' });
    const scope = dialog.getByLabel('Phạm vi công bố (mã thủ tục hành chính)');
    await scope.fill('1.000948');
    await scope.press('Enter');
    await dialog.getByRole('button', { name: 'Lập dự thảo' }).click();
    await secretary.waitForURL(/\/conformity\/declarations\/[0-9a-f-]{36}$/);
    declarationUrl = new URL(secretary.url()).pathname;
    await secretary.getByRole('heading', { level: 1, name: 'Dự thảo quyết định công bố' }).waitFor();
    await state(secretary, 'Dự thảo');
    await secretary.getByText('chưa có quy trình đang hiệu lực').waitFor();
    await secretary.locator('iframe[title="Dự thảo quyết định công bố"]').waitFor();
    expect(await seriousAccessibilityViolations(secretary)).toEqual([]);

    const head = await signIn(a.chair);
    await head.goto(declarationUrl);
    await head.getByRole('button', { name: 'Ký quyết định' }).click();
    const signing = head.getByRole('dialog', { name: 'Ký quyết định công bố' });
    await signing.getByLabel('Mật khẩu ký').fill(USER_PASSWORD);
    await signing.getByRole('button', { name: 'Ký' }).click();
    const refusal = signing.getByRole('alert');
    await refusal.waitFor();
    const text = await refusal.innerText();
    expect(text).toContain('Chưa đủ điều kiện công bố; chưa có gì được ký.');
    expect(text).toContain('Chưa đặt mục tiêu chất lượng nào cho năm 2027');
    await signing.getByRole('button', { name: 'Hủy' }).click();
    await state(head, 'Dự thảo');
  });

  it('once ready, the head signs and sees the decision; the secretary sends it to Sở KH&CN', async () => {
    await bringToReadiness(ctx, clock, a, data, { on: '2027-04-20', tthcCodes: ['1.000948'] });
    const head = await signIn(a.chair);
    await head.goto(declarationUrl);
    await head.getByText('QT-TTHC-01 — Quy trình cấp Phiếu lý lịch tư pháp').waitFor();
    await head.getByRole('button', { name: 'Ký quyết định' }).click();
    const signing = head.getByRole('dialog', { name: 'Ký quyết định công bố' });
    await signing.getByLabel('Mật khẩu ký').fill(USER_PASSWORD);
    await signing.getByRole('button', { name: 'Ký' }).click();
    await head.getByText('Đã ký quyết định công bố.').waitFor();
    await head.getByRole('heading', { level: 1, name: 'Quyết định công bố số 01/QĐ-STP' }).waitFor();
    await state(head, 'Đã ký');
    await head.locator('iframe[title="Quyết định công bố số 01/QĐ-STP"]').waitFor();
    expect(await seriousAccessibilityViolations(head)).toEqual([]);

    const secretary = await signIn(a.secretary);
    await secretary.goto(declarationUrl);
    await secretary.getByRole('button', { name: 'Gửi Sở KH&CN' }).click();
    await secretary.getByText('Đã gửi quyết định công bố đến Sở KH&CN.').waitFor();
    await state(secretary, 'Đã gửi Sở KH&CN');
  });

  it('the overseer finds it among the agencies and acknowledges it', async () => {
    const page = await signIn(overseer);
    await page.getByRole('navigation', { name: 'Chức năng' }).getByText('Công bố phù hợp').click();
    expect(await page.getByRole('link', { name: 'Điều kiện công bố' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Quyết định công bố' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quyết định công bố của các cơ quan' }).waitFor();
    const row = page.getByRole('row', { name: /Sở Tư pháp/ });
    await row.getByText('01/QĐ-STP').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await row.getByRole('link', { name: 'Sở Tư pháp' }).click();
    await page.waitForURL(new RegExp(`${declarationUrl}$`));
    await page.getByRole('button', { name: 'Xác nhận tiếp nhận' }).click();
    await page.getByText('Đã xác nhận tiếp nhận quyết định công bố.').waitFor();
    await state(page, 'Sở KH&CN đã tiếp nhận');
    await page.getByText(/\(Đặng Văn Khoa\)$/).waitFor();

    // The province view counts it: the totals, the chart and the agency's row change.
    await page.goto('/oversight');
    await page
      .getByTestId('oversight-totals')
      .getByText(/đã công bố 1,/)
      .waitFor();
    await page.locator('[role="img"][aria-label*="đã công bố 1,"]').waitFor();
    const agency = page.getByRole('row', { name: /Sở Tư pháp/ });
    await agency.getByRole('link', { name: /^01\/QĐ-STP \(20\/04\/2027\)$/ }).waitFor();
    // The inspection pack of the agency, as the browser saves it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      agency.getByRole('button', { name: 'Tải ZIP hồ sơ kiểm tra của Sở Tư pháp' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ho-so-kiem-tra-so-tu-phap-2027-04-20\.zip$/);
    await chooseOption(page, 'Công bố', 'Đã công bố');
    await page.waitForURL(/declared=true/);
    const rows = page.getByTestId('oversight-agencies').locator('tbody tr.ant-table-row');
    await waitUntil(async () => (await rows.count()) === 1, 'một cơ quan đã công bố');
    await expect(rows.first().innerText()).resolves.toContain('Sở Tư pháp');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
