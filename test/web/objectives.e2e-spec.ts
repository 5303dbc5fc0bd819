import { Browser, Page } from 'playwright-core';
import { Role } from '@eiso/common';
import {
  chooseOption,
  errorsOf,
  launchBrowser,
  seriousAccessibilityViolations,
  serveApp,
  signedInPage,
} from '../support/browser';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

/** The current year and month in Vietnam, as the server's clock and the screens see them. */
function vietnamNow(): { year: number; month: number } {
  const d = new Date(Date.now() + 7 * 3_600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/**
 * Quality objectives through the screens: the ISO secretary sees that no quality policy is in
 * force and creates an objective through the form; the head of its owner unit enters a month
 * that misses the target and sees "Có nguy cơ không đạt", then a month that brings the average to
 * the target and sees "Đạt mục tiêu"; the chart and the table show the figures; the one-stop-shop
 * export of a month is imported and its late dossiers raised as one nonconformity; axe on each page.
 */
describe('the quality objective screens', () => {
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let secretary: TestUser;
  let head: TestUser;
  const pages: Page[] = [];
  const { year, month } = vietnamNow();
  // Two months that have begun (in January, the year before: its objective is judged as over).
  const objectiveYear = month >= 2 ? year : year - 1;

  const signIn = async (user: TestUser): Promise<Page> => {
    const page = await signedInPage(browser, baseUrl, user);
    // Routing requests through Playwright turns the browser's HTTP cache off (no 304 on GET /me).
    await page.route('**/api/v1/**', (route) => route.continue());
    pages.push(page);
    return page;
  };
  const dialog = (page: Page) => page.getByRole('dialog');

  beforeAll(async () => {
    ctx = await createTestContext();
    const agencyId = (await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum' })).id;
    const oneStop = (await ctx.newOrgUnit(agencyId, 'Bộ phận Một cửa')).id;
    await ctx.newOrgUnit(agencyId, 'Phòng Hành chính tư pháp');
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId, fullName: 'Nguyễn Thị Thư' });
    head = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId,
      orgUnitId: oneStop,
      fullName: 'Trần Văn Một',
    });
    baseUrl = await serveApp(ctx);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });
  afterEach(() => {
    for (const page of pages) expect(errorsOf(page)).toEqual([]);
  });

  it('the manager creates an objective; the owner unit head enters figures and sees the status change', async () => {
    const manager = await signIn(secretary);
    await manager.getByRole('navigation', { name: 'Chức năng' }).getByText('Mục tiêu chất lượng').click();
    await manager.getByRole('heading', { level: 1, name: 'Mục tiêu chất lượng' }).waitFor();
    await manager.getByText(/Cơ quan chưa có chính sách chất lượng đang hiệu lực/).waitFor();
    await manager.getByText(`Chưa có mục tiêu chất lượng nào của năm ${year}.`).waitFor();
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);

    await manager.getByRole('button', { name: 'Xây dựng mục tiêu' }).click();
    await dialog(manager).getByRole('button', { name: 'Xây dựng' }).click();
    await dialog(manager).getByText('Nhập nội dung mục tiêu.').waitFor();
    await dialog(manager).getByText('Chọn đơn vị chủ trì.').waitFor();
    await dialog(manager).getByLabel('Nội dung mục tiêu').fill('≥ 98% hồ sơ TTHC giải quyết đúng hạn');
    await dialog(manager).getByLabel('Tên chỉ số').fill('Tỷ lệ hồ sơ TTHC giải quyết đúng hạn');
    await chooseOption(manager, 'Đơn vị chủ trì', 'Bộ phận Một cửa');
    await dialog(manager).getByLabel('Chỉ tiêu', { exact: true }).fill('98');
    await dialog(manager).getByLabel('Năm', { exact: true }).fill(String(objectiveYear));
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);
    await dialog(manager).getByRole('button', { name: 'Xây dựng' }).click();
    await manager.waitForURL(/\/objectives\/[0-9a-f-]{36}$/);
    const objectiveUrl = new URL(manager.url()).pathname;
    await manager.getByRole('heading', { level: 1, name: '≥ 98% hồ sơ TTHC giải quyết đúng hạn' }).waitFor();
    await manager.getByTestId('objective-status').filter({ hasText: 'Chưa có số liệu' }).waitFor();
    await manager.getByText('Chưa có số liệu để vẽ biểu đồ.').waitFor();
    // The secretary's own unit is not the owner, but a manager of objectives may enter figures too.
    await manager.getByRole('button', { name: 'Nhập số liệu' }).waitFor();

    // The head of the owner unit: a month below the target.
    const owner = await signIn(head);
    await owner.goto(objectiveUrl);
    await owner.getByTestId('objective-status').filter({ hasText: 'Chưa có số liệu' }).waitFor();
    await owner.getByRole('button', { name: 'Nhập số liệu' }).click();
    await chooseOption(owner, 'Kỳ đo', `Tháng 01/${objectiveYear}`);
    await dialog(owner)
      .getByLabel(/^Giá trị/)
      .fill('97');
    await dialog(owner).getByLabel('Ghi chú').fill('400 hồ sơ, 12 trễ hạn');
    await dialog(owner).getByRole('button', { name: 'Lưu số liệu' }).click();
    await dialog(owner).waitFor({ state: 'hidden' });
    const expectedAfterMiss = objectiveYear === year ? 'Có nguy cơ không đạt' : 'Không đạt';
    await owner.getByTestId('objective-status').filter({ hasText: expectedAfterMiss }).waitFor();
    await owner.getByRole('cell', { name: 'Tháng 01/' + objectiveYear }).waitFor();
    await owner.getByText('Không đạt chỉ tiêu').waitFor();
    await owner.getByRole('img', { name: /Biểu đồ số liệu Tỷ lệ hồ sơ TTHC giải quyết đúng hạn/ }).waitFor();
    expect(await seriousAccessibilityViolations(owner)).toEqual([]);

    // A month that brings the average to the target exactly: (97 + 99) / 2 = 98.
    await owner.getByRole('button', { name: 'Nhập số liệu' }).click();
    await chooseOption(owner, 'Kỳ đo', `Tháng 02/${objectiveYear}`);
    await dialog(owner)
      .getByLabel(/^Giá trị/)
      .fill('99');
    await dialog(owner).getByRole('button', { name: 'Lưu số liệu' }).click();
    await dialog(owner).waitFor({ state: 'hidden' });
    await owner.getByTestId('objective-status').filter({ hasText: 'Đạt mục tiêu' }).waitFor();
    await owner.getByText('98 % (trung bình các kỳ)').waitFor();
    expect(await owner.getByText('Đạt chỉ tiêu', { exact: true }).count()).toBe(1);
    expect(await seriousAccessibilityViolations(owner)).toEqual([]);

    // The one-stop-shop export of a month with late dossiers: imported, then raised as one nonconformity.
    const importMonth = `${objectiveYear}-03`;
    if (objectiveYear < year || month >= 3) {
      await owner.getByRole('button', { name: 'Nhập từ tệp CSV' }).click();
      await dialog(owner)
        .locator('input[type="file"]')
        .setInputFiles({
          name: 'mot-cua.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(
            'ky,ma_tthc,ten_tthc,dung_han,tre_han\n' +
              `${importMonth},1.000948,Cấp phiếu lý lịch tư pháp,196,4\n`,
          ),
        });
      await dialog(owner).getByRole('button', { name: 'Nhập', exact: true }).click();
      await dialog(owner).getByText(`Kỳ nhập mới: Tháng 03/${objectiveYear}`).waitFor();
      expect(await seriousAccessibilityViolations(owner)).toEqual([]);
      await dialog(owner).getByRole('button', { name: 'Đóng' }).first().click();
      await owner.getByRole('cell', { name: '200 hồ sơ, 4 trễ hạn' }).waitFor();
      await owner.getByRole('button', { name: 'Lập phiếu không phù hợp' }).click();
      const link = owner.getByRole('link', { name: /^Sự không phù hợp số \d{2}\/\d{4}$/ });
      await link.waitFor();
      await link.click();
      await owner.waitForURL(/\/nonconformities\/[0-9a-f-]{36}$/);
      await owner
        .getByText(`Hồ sơ TTHC giải quyết trễ hạn tháng 03/${objectiveYear}: 4 hồ sơ`)
        .first()
        .waitFor();
    }

    // The list shows the objective with its status for the manager.
    await manager.goto(`/objectives?year=${objectiveYear}`);
    await manager.getByRole('link', { name: '≥ 98% hồ sơ TTHC giải quyết đúng hạn' }).waitFor();
    await manager.getByRole('cell', { name: 'Đạt mục tiêu' }).waitFor();
    await manager.getByRole('cell', { name: /^\d+(,\d+)? % \([23]\/12 kỳ\)$/ }).waitFor();
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);
  });
});
