import { Browser, Page } from 'playwright-core';
import { Role } from '@eiso/common';
import { apiAs } from '../support/api-as';
import {
  launchBrowser,
  seriousAccessibilityViolations,
  serveApp,
  signedInPage,
  chooseOption,
} from '../support/browser';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

/** dd/mm/yyyy of today plus `days`, in Vietnam (as the screens show and the date pickers take). */
function vnDate(days = 0): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * The management review through the screens: the chair (an approver) plans a review of this year,
 * which compiles its inputs at once (a complaint raised this year shows among them), holds the
 * meeting with its conclusions, adds an action for the ISO secretary, and signs the minutes with
 * the password: the review shows "Đã ký" and offers the PDF. axe on each main screen.
 */
describe('the management review screens', () => {
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let chair: TestUser;
  let secretary: TestUser;
  const pages: Page[] = [];
  const year = Number(vnDate().slice(6));

  const signIn = async (user: TestUser): Promise<Page> => {
    const page = await signedInPage(browser, baseUrl, user);
    // Routing requests through Playwright turns the browser's HTTP cache off (no 304 on GET /me).
    await page.route('**/api/v1/**', (route) => route.continue());
    pages.push(page);
    return page;
  };
  const dialog = (page: Page) => page.getByRole('dialog');
  const pickDate = async (page: Page, label: string, value: string) => {
    const input = dialog(page).getByLabel(label);
    await input.click();
    await input.fill(value);
    await input.press('Enter');
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    const agencyId = (await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum', abbreviation: 'STP' })).id;
    await ctx.newOrgUnit(agencyId, 'Bộ phận Một cửa');
    chair = await ctx.newUser({
      roles: [Role.Approver],
      agencyId,
      fullName: 'Trần Quốc Hùng',
      position: 'Giám đốc Sở',
    });
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId, fullName: 'Nguyễn Thị Thư' });
    const complaint = await apiAs(ctx, secretary).post('/nonconformities', {
      source: 'complaint',
      severity: 'minor',
      title: 'Công dân phản ánh giấy hẹn ghi sai ngày',
      description: 'Giấy hẹn ghi sai ngày trả kết quả.',
      complaintRef: 'PA-01',
      complainant: 'Nguyễn Văn An',
    });
    expect(complaint.status).toBe(201);
    baseUrl = await serveApp(ctx);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('the chair plans, reads the compiled inputs, holds, adds an action and signs the minutes', async () => {
    const page = await signIn(chair);
    await page.goto('/management-reviews');
    await page.getByRole('heading', { level: 1, name: 'Xem xét của lãnh đạo' }).waitFor();
    await page.getByText('Chưa có kỳ xem xét của lãnh đạo nào.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Plan the review of this year: the server compiles the inputs at once.
    await page.getByRole('button', { name: 'Lập kỳ xem xét' }).click();
    await pickDate(page, 'Từ ngày', `01/01/${year}`);
    await pickDate(page, 'Đến ngày', `31/12/${year}`);
    await pickDate(page, 'Ngày họp', vnDate());
    await dialog(page).getByLabel('Địa điểm').fill('Phòng họp số 1');
    await chooseOption(page, 'Người chủ trì', 'Trần Quốc Hùng', { within: dialog(page), search: 'Hùng' });
    await chooseOption(page, 'Thành phần tham dự', 'Nguyễn Thị Thư', { within: dialog(page), search: 'Thư' });
    await expect(dialog(page).getByLabel('Từ ngày').inputValue()).resolves.toBe(`01/01/${year}`);
    await expect(dialog(page).getByLabel('Đến ngày').inputValue()).resolves.toBe(`31/12/${year}`);
    await expect(dialog(page).getByLabel('Ngày họp').inputValue()).resolves.toBe(vnDate());
    const field = (label: string) => dialog(page).locator('.ant-form-item', { hasText: label });
    await field('Người chủ trì')
      .getByText(/^Trần Quốc Hùng/)
      .waitFor();
    await field('Thành phần tham dự')
      .locator('.ant-select-selection-item-content')
      .getByText(/^Nguyễn Thị Thư/)
      .waitFor();
    await dialog(page).getByRole('button', { name: 'Lập và tổng hợp' }).click();
    await page.waitForURL(/\/management-reviews\/[0-9a-f-]{36}$/).catch(async (e: unknown) => {
      throw new Error(
        `${String(e)}\n${await dialog(page)
          .innerText()
          .catch(() => '(no dialog)')}`,
      );
    });
    await page.getByRole('heading', { level: 1, name: `Xem xét của lãnh đạo số 01/${year}` }).waitFor();
    await page.getByTestId('review-state').filter({ hasText: 'Đã lập kế hoạch' }).waitFor();

    // A figure of the inputs: the complaint raised this year, listed with its title.
    await expect(page.getByTestId('complaints-total').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('nc-total').textContent()).resolves.toBe('1');
    await page.getByRole('cell', { name: 'Công dân phản ánh giấy hẹn ghi sai ngày' }).waitFor();
    await page.getByText('Đây là lần xem xét đầu tiên: không có hành động từ lần xem xét trước.').waitFor();
    await page.getByRole('button', { name: 'Tổng hợp lại' }).click();
    await page.getByText('Đã tổng hợp lại đầu vào từ dữ liệu của kỳ.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Hold the meeting: conclusions required, then the inputs freeze.
    await page.getByRole('button', { name: 'Họp xem xét' }).click();
    await dialog(page).getByRole('button', { name: 'Ghi nhận cuộc họp' }).click();
    await dialog(page).getByText('Nhập kết luận về sự phù hợp.').waitFor();
    await dialog(page)
      .getByLabel('Sự phù hợp của hệ thống')
      .fill('Hệ thống phù hợp với chức năng, nhiệm vụ.');
    await dialog(page).getByLabel('Sự thỏa đáng').fill('Nguồn lực cơ bản đáp ứng.');
    await dialog(page).getByLabel('Hiệu lực').fill('Hệ thống vận hành có hiệu lực.');
    await dialog(page).getByRole('button', { name: 'Ghi nhận cuộc họp' }).click();
    await page.getByText('Đã ghi nhận cuộc họp; đầu vào đã được chốt.').waitFor();
    await page.getByTestId('review-state').filter({ hasText: 'Đã họp' }).waitFor();
    expect(await page.getByRole('button', { name: 'Tổng hợp lại' }).count()).toBe(0);

    // A decision for the ISO secretary.
    await page.getByRole('button', { name: 'Thêm quyết định, hành động' }).click();
    await chooseOption(page, 'Loại quyết định', 'Cơ hội cải tiến', { within: dialog(page) });
    await dialog(page).getByLabel('Nội dung').fill('Số hóa sổ theo dõi hồ sơ một cửa');
    await chooseOption(page, 'Người thực hiện', 'Nguyễn Thị Thư', { within: dialog(page), search: 'Thư' });
    await pickDate(page, 'Hạn hoàn thành', vnDate(30));
    await dialog(page).getByRole('button', { name: 'Thêm' }).click();
    await page.getByText('Đã thêm quyết định, hành động.').waitFor();
    const row = page.getByRole('row', { name: /Số hóa sổ theo dõi hồ sơ một cửa/ });
    await expect(row.innerText()).resolves.toMatch(
      new RegExp(`Nguyễn Thị Thư[\\s\\S]*${vnDate(30)}[\\s\\S]*Đang thực hiện`),
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The draft minutes to read before signing.
    const [draft] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Dự thảo báo cáo (PDF)' }).click(),
    ]);
    expect(draft.suggestedFilename()).toBe(`du-thao-bao-cao-xem-xet-cua-lanh-dao-01-${year}.pdf`);

    // Sign the minutes with the password: a wrong one first.
    await page.getByRole('button', { name: 'Ký báo cáo' }).click();
    await dialog(page).getByLabel('Mật khẩu ký').fill('sai-mat-khau');
    await dialog(page).getByRole('button', { name: 'Ký', exact: true }).click();
    await dialog(page)
      .getByText(/Mật khẩu xác nhận ký không đúng/)
      .waitFor();
    await dialog(page).getByLabel('Mật khẩu ký').fill(USER_PASSWORD);
    await dialog(page).getByRole('button', { name: 'Ký', exact: true }).click();
    await page.getByText('Đã ký báo cáo xem xét của lãnh đạo.').waitFor();
    await page.getByTestId('review-state').filter({ hasText: 'Đã ký' }).waitFor();
    const [minutes] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải báo cáo (PDF)' }).click(),
    ]);
    expect(minutes.suggestedFilename()).toBe(`bao-cao-xem-xet-cua-lanh-dao-01-${year}.pdf`);
    await page.getByText(/Trần Quốc Hùng ký lúc/).waitFor();
    expect(await page.getByRole('button', { name: 'Ký báo cáo' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The list shows it signed.
    await page.goto('/management-reviews');
    await page.getByRole('row', { name: new RegExp(`01/${year}.*Đã ký`) }).waitFor();
  });
});
