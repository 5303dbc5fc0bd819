import { Browser, Page } from 'playwright-core';
import { Role } from '@eiso/common';
import { launchBrowser, seriousAccessibilityViolations, serveApp, signedInPage } from '../support/browser';
import { effectiveDocument, newDraftingCircle } from '../support/document-flow';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

/**
 * The readiness checklist of the conformity declaration through the screens: the agency head of
 * a new agency sees what is missing (no major nonconformity is open, so that one passes); a TTHC code typed into the
 * scope is named as uncovered, with a link; once the ISO secretary issues the quality policy and a
 * TTHC procedure for that code, those two cards turn "Đạt". Staff do not see the menu item. Axe on
 * each state.
 */
describe('the conformity readiness screen', () => {
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let head: TestUser;
  let staff: TestUser;
  let circle: Awaited<ReturnType<typeof newDraftingCircle>>;
  const pages: Page[] = [];

  const signIn = async (user: TestUser): Promise<Page> => {
    const page = await signedInPage(browser, baseUrl, user);
    // Routing requests through Playwright turns the browser's HTTP cache off (no 304 on GET /me).
    await page.route('**/api/v1/**', (route) => route.continue());
    pages.push(page);
    return page;
  };
  const card = (page: Page, code: string) => page.getByTestId(`readiness-${code}`);

  beforeAll(async () => {
    ctx = await createTestContext();
    const agencyId = (await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum', abbreviation: 'STP' })).id;
    circle = await newDraftingCircle(ctx, agencyId);
    head = circle.approver;
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId });
    baseUrl = await serveApp(ctx);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('shows the head what is missing, follows the scope typed in, and turns cards green as they are met', async () => {
    const page = await signIn(head);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Chức năng' }).getByText('Công bố phù hợp').click();
    await page.getByRole('link', { name: 'Điều kiện công bố' }).click();
    await page.getByRole('heading', { level: 1, name: 'Điều kiện công bố HTQLCL' }).waitFor();
    await page
      .getByTestId('readiness-verdict')
      .getByText(/^Chưa đủ điều kiện công bố: còn 5\/6 điều kiện chưa đạt/)
      .waitFor();
    await card(page, 'quality_policy')
      .getByText('Chưa có chính sách chất lượng nào được ban hành và đang có hiệu lực.')
      .waitFor();
    await card(page, 'internal_audit').getByText('Chưa có cuộc đánh giá nội bộ nào kết thúc.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The scope: a code typed in is checked, named as uncovered, and kept in the address.
    const scope = page.getByLabel('Phạm vi công bố (mã thủ tục hành chính)');
    await scope.fill('1.000948');
    await scope.press('Enter');
    await page.waitForURL(/tthcCodes=1\.000948/);
    await card(page, 'procedures')
      .getByRole('link', { name: 'Thủ tục 1.000948: chưa có quy trình có hiệu lực' })
      .waitFor();
    await card(page, 'procedures')
      .getByText('1/1 thủ tục hành chính trong phạm vi chưa có quy trình có hiệu lực.')
      .waitFor();

    // The policy and the TTHC procedure issued: both cards pass on the next reading.
    const policy = await effectiveDocument(ctx, circle, 'CS-01', {
      type: 'policy',
      title: 'Chính sách chất lượng',
    });
    await effectiveDocument(ctx, circle, 'QT-TTHC-01', {
      type: 'tthc_procedure',
      title: 'Quy trình cấp Phiếu lý lịch tư pháp',
      tthcCodes: ['1.000948'],
    });
    await page.reload();
    await card(page, 'quality_policy').getByText('Đạt', { exact: true }).waitFor();
    await card(page, 'procedures').getByText('Đạt', { exact: true }).waitFor();
    await page
      .getByTestId('readiness-verdict')
      .getByText(/^Chưa đủ điều kiện công bố: còn 3\/6 điều kiện chưa đạt/)
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await card(page, 'quality_policy').getByRole('link', { name: 'CS-01 — Chính sách chất lượng' }).click();
    await page.waitForURL(new RegExp(`/documents/${policy.id}$`));
  });

  it('is not offered to staff, and the address alone shows them the refusal', async () => {
    const page = await signIn(staff);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Chức năng' }).waitFor();
    expect(await page.getByText('Công bố phù hợp').count()).toBe(0);
    await page.goto('/conformity/readiness');
    await page.getByRole('heading', { level: 1, name: 'Điều kiện công bố HTQLCL' }).waitFor();
    await page
      .getByText(/không có quyền/i)
      .first()
      .waitFor();
  });
});
