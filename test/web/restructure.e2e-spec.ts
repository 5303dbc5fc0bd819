import { Browser, Page } from 'playwright-core';
import {
  chooseOption,
  errorsOf,
  launchBrowser,
  seriousAccessibilityViolations,
  serveApp,
  signedInPage,
} from '../support/browser';
import { effectiveDocument, newDraftingCircle } from '../support/document-flow';
import { ADMIN_PASSWORD, createTestContext, TestContext } from '../support/test-app';

/**
 * The restructuring wizard (the 2025 reform): the admin merges Sở Tài nguyên và Môi trường and Sở
 * Nông nghiệp và Phát triển nông thôn into Sở Nông nghiệp và Môi trường. The preview names the
 * clashing code QT-01 and keeps "Thực hiện" off; with a prefix the preview is clean, the admin
 * confirms, and both old agencies are merged, their documents under the new one.
 */
describe('the restructuring wizard', () => {
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  const ids: string[] = [];
  let receiving: string;
  let page: Page;

  beforeAll(async () => {
    ctx = await createTestContext();
    const province = await ctx.newAgency({ name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', level: 'province' });
    for (const name of ['Sở Tài nguyên và Môi trường', 'Sở Nông nghiệp và Phát triển nông thôn']) {
      const id = (await ctx.newAgency({ name, parentId: province.id })).id;
      await ctx.sql(`UPDATE agency SET valid_from = '2020-01-01' WHERE id = $1`, [id]);
      await effectiveDocument(ctx, await newDraftingCircle(ctx, id), 'QT-01', {
        title: `Quy trình của ${name}`,
      });
      ids.push(id);
    }
    receiving = (await ctx.newAgency({ name: 'Sở Nông nghiệp và Môi trường', parentId: province.id })).id;
    baseUrl = await serveApp(ctx);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });
  afterEach(() => expect(errorsOf(page)).toEqual([]));

  it('previews the clash, then merges two departments with a code prefix', async () => {
    page = await signedInPage(browser, baseUrl, { username: 'admin' }, ADMIN_PASSWORD);
    await page.goto('/agencies');
    await page.getByRole('button', { name: 'Sắp xếp lại cơ quan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sắp xếp lại cơ quan' }).waitFor();
    await chooseOption(page, 'Các cơ quan kết thúc hoạt động', 'Sở Tài nguyên và Môi trường', {
      search: 'Tài nguyên',
    });
    await chooseOption(page, 'Các cơ quan kết thúc hoạt động', 'Sở Nông nghiệp và Phát triển nông thôn', {
      search: 'Phát triển',
    });
    await chooseOption(page, 'Cơ quan tiếp nhận', 'Sở Nông nghiệp và Môi trường', {
      search: 'và Môi trường',
    });
    const date = page.getByLabel('Ngày có hiệu lực');
    await date.click();
    await date.fill('01/07/2025');
    await date.press('Enter');

    await page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByTestId('restructure-preview');
    await preview.getByText('Xem trước: chuyển sang Sở Nông nghiệp và Môi trường').waitFor();
    await preview.getByRole('row', { name: /Sở Tài nguyên và Môi trường.*1 tài liệu/ }).waitFor();
    await preview.getByRole('cell', { name: 'QT-01', exact: true }).waitFor();
    await preview.getByText(/1 mã trùng hoặc việc chưa kết thúc/).waitFor();
    expect(await page.getByRole('button', { name: 'Thực hiện' }).isDisabled()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Tiền tố cho mã tài liệu bị trùng').fill('NN-');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByText('Không có mã trùng: có thể thực hiện.').waitFor();
    await page.getByRole('button', { name: 'Thực hiện' }).click();
    await page.getByRole('dialog').getByText('Sáp nhập 2 cơ quan; không hoàn tác được.').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Thực hiện' }).click();
    await page.getByText('Đã sắp xếp lại: dữ liệu đã chuyển sang Sở Nông nghiệp và Môi trường.').waitFor();
    await page.waitForURL(/\/agencies$/);

    const agencies = await ctx.sql<{ status: string; successor_id: string }>(
      `SELECT status, successor_id FROM agency WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(agencies).toEqual([
      { status: 'merged', successor_id: receiving },
      { status: 'merged', successor_id: receiving },
    ]);
    const codes = await ctx.sql<{ code: string }>(
      `SELECT code FROM document WHERE agency_id = $1 ORDER BY code`,
      [receiving],
    );
    expect(codes.map((c) => c.code)).toEqual(['NN-QT-01', 'QT-01']);
  });
});
