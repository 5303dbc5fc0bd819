import { Browser, Page } from 'playwright-core';
import { Role } from '@eiso/common';
import { apiAs } from '../support/api-as';
import {
  errorsOf,
  launchBrowser,
  seriousAccessibilityViolations,
  serveApp,
  signedInPage,
  chooseOption,
} from '../support/browser';
import { samplePdf } from '../support/files';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

/** dd/mm/yyyy of today plus `days`, in Vietnam (as the screens show and the date pickers take). */
function vnDate(days = 0): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * Nonconformities and corrective actions through the screens: the secretary raises a
 * nonconformity and opens its corrective action (root cause, verifier, an action for an owner
 * with a due date), plans and starts it; the owner reports the action done with an evidence file;
 * the verifier is first refused as too early (the date named), then, the due date moved by SQL,
 * concludes "Có hiệu lực": the action and the nonconformity end. The board flags an overdue one.
 */
describe('the corrective action screens', () => {
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let secretary: TestUser;
  let auditor: TestUser;
  let staff: TestUser;
  const pages: Page[] = [];

  /**
   * Signed in, with the browser's HTTP cache off: a reload would otherwise revalidate GET /me with
   * If-None-Match and get a 304, which the API's OpenAPI document does not list (the suite's
   * response check fails on it).
   */
  const signIn = async (user: TestUser): Promise<Page> => {
    const page = await signedInPage(browser, baseUrl, user);
    // Routing requests through Playwright turns the browser's HTTP cache off.
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
    const agencyId = (await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum' })).id;
    await ctx.newOrgUnit(agencyId, 'Bộ phận Một cửa');
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId, fullName: 'Nguyễn Thị Thư' });
    auditor = await ctx.newUser({ roles: [Role.Auditor], agencyId, fullName: 'Lê Văn Kiểm' });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId, fullName: 'Phạm Thị Làm' });
    baseUrl = await serveApp(ctx);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('runs the loop from raising a nonconformity to closing its corrective action', async () => {
    const manager = await signIn(secretary);
    // Raise a nonconformity (source: self-detected).
    await manager.goto('/nonconformities');
    await manager.getByRole('heading', { level: 1, name: 'Sự không phù hợp' }).waitFor();
    await manager.getByText('Chưa có sự không phù hợp nào.').waitFor();
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);
    await manager.getByRole('button', { name: 'Ghi nhận sự không phù hợp' }).click();
    await dialog(manager).getByRole('button', { name: 'Ghi nhận' }).click();
    await dialog(manager).getByText('Nhập tiêu đề.').waitFor();
    await dialog(manager).getByLabel('Tiêu đề').fill('Trả kết quả hồ sơ trễ hẹn');
    await dialog(manager)
      .getByLabel('Mô tả')
      .fill('Ba hồ sơ đăng ký khai sinh trả kết quả chậm 2 ngày so với giấy hẹn.');
    await dialog(manager).getByLabel('Mức độ').click();
    await manager.locator('.ant-select-item-option', { hasText: 'Nặng' }).click();
    await dialog(manager).getByRole('button', { name: 'Ghi nhận' }).click();
    await manager.waitForURL(/\/nonconformities\/[0-9a-f-]{36}$/);
    const ncUrl = new URL(manager.url()).pathname;
    await manager.getByRole('heading', { level: 1, name: /^Sự không phù hợp số \d{2}\/\d{4}$/ }).waitFor();
    await manager.getByTestId('nc-state').filter({ hasText: 'Đang xử lý' }).waitFor();
    await manager.getByText('Chưa lập phiếu yêu cầu hành động khắc phục.').waitFor();
    expect(await manager.getByText('Tự phát hiện').count()).toBe(1);
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);

    // Open the corrective action with its root cause.
    await manager.getByRole('button', { name: 'Lập phiếu hành động khắc phục' }).click();
    await dialog(manager).getByLabel('Nguyên nhân gốc rễ').fill('Quy trình chưa có bước kiểm soát thời hạn.');
    await dialog(manager).getByRole('button', { name: 'Lập phiếu' }).click();
    await manager.waitForURL(/\/corrective-actions\/[0-9a-f-]{36}$/);
    const caUrl = new URL(manager.url()).pathname;
    const caId = caUrl.split('/').pop()!;
    await manager.getByTestId('ca-state').filter({ hasText: 'Mới mở' }).waitFor();
    await manager.getByText('Quy trình chưa có bước kiểm soát thời hạn.').waitFor();

    // Planning refused while incomplete: the server's message, as is.
    await manager.getByRole('button', { name: 'Hoàn thành kế hoạch' }).click();
    await manager
      .getByText(/Kế hoạch hành động khắc phục chưa đủ, còn thiếu: ít nhất một hành động/)
      .waitFor();

    // The verifier, then an action for the owner with a due date.
    await manager.getByRole('button', { name: 'Sửa phân tích, người kiểm tra' }).click();
    await chooseOption(manager, 'Người kiểm tra hiệu lực', 'Lê Văn Kiểm', {
      within: dialog(manager),
      search: 'Kiểm',
    });
    await dialog(manager).getByRole('button', { name: 'Lưu' }).click();
    await manager.getByText('Đã lưu phân tích nguyên nhân.').waitFor();
    await manager.getByRole('cell', { name: 'Lê Văn Kiểm' }).waitFor();

    const due = vnDate(14);
    await manager.getByRole('button', { name: 'Thêm hành động' }).click();
    await dialog(manager)
      .getByLabel('Nội dung hành động')
      .fill('Bổ sung bước kiểm soát thời hạn vào quy trình một cửa');
    await chooseOption(manager, 'Người thực hiện', 'Phạm Thị Làm', {
      within: dialog(manager),
      search: 'Làm',
    });
    await pickDate(manager, 'Hạn hoàn thành', due);
    await dialog(manager).getByRole('button', { name: 'Thêm' }).click();
    await manager.getByText('Đã thêm hành động khắc phục.').waitFor();
    const row = manager.getByRole('row', { name: /Bổ sung bước kiểm soát thời hạn/ });
    await expect(row.innerText()).resolves.toMatch(
      new RegExp(`Phạm Thị Làm[\\s\\S]*${due}[\\s\\S]*Chưa xong`),
    );

    await manager.getByRole('button', { name: 'Hoàn thành kế hoạch' }).click();
    await manager.getByText('Phiếu chuyển sang trạng thái "Đã lập kế hoạch".').waitFor();
    await manager.getByTestId('ca-state').filter({ hasText: 'Đã lập kế hoạch' }).waitFor();
    await manager.getByRole('button', { name: 'Bắt đầu thực hiện' }).click();
    await manager.getByText('Phiếu chuyển sang trạng thái "Đang thực hiện".').waitFor();
    await manager.getByTestId('ca-state').filter({ hasText: 'Đang thực hiện' }).waitFor();
    // The manager is no owner: no "done" button for them.
    expect(await manager.getByRole('button', { name: 'Báo cáo hoàn thành' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);

    // The owner reports the action done with an evidence file.
    const owner = await signIn(staff);
    await owner.goto(caUrl);
    await owner.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    await dialog(owner).getByLabel('Kết quả thực hiện').fill('Đã trình sửa đổi quy trình một cửa.');
    await owner.locator('input[type="file"]').setInputFiles({
      name: 'bang-chung.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('bang-chung'),
    });
    await dialog(owner).getByText('bang-chung.pdf').waitFor();
    await dialog(owner).getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    await owner.getByText('Đã báo cáo hoàn thành hành động.').waitFor();
    await owner.getByTestId('ca-state').filter({ hasText: 'Đang kiểm tra hiệu lực' }).waitFor();
    await owner.getByRole('button', { name: 'bang-chung.pdf' }).waitFor();
    await owner.getByText(`Đã xong ${vnDate()}`).waitFor();
    expect(await owner.getByRole('button', { name: 'Kiểm tra hiệu lực' }).count()).toBe(0);

    // The verifier: too early first (the date named), then the due date moved back by SQL.
    const verifier = await signIn(auditor);
    await verifier.goto(caUrl);
    const verifyDue = vnDate(90);
    await verifier.getByTestId('close-blockers').getByText(`ngày ${verifyDue}`).waitFor();
    await verifier.getByRole('button', { name: 'Kiểm tra hiệu lực' }).click();
    await dialog(verifier).getByRole('radio', { name: 'Có hiệu lực', exact: true }).check();
    await dialog(verifier).getByLabel('Nhận xét').fill('Không còn hồ sơ trễ hẹn.');
    await dialog(verifier).getByRole('button', { name: 'Ghi kết luận' }).click();
    await expect(dialog(verifier).getByRole('alert').textContent()).resolves.toBe(
      `Chưa đến hạn kiểm tra hiệu lực: chỉ kết luận hành động khắc phục có hiệu lực từ ngày ${verifyDue}.`,
    );
    await ctx.sql(
      `UPDATE corrective_action
          SET verification_due = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 1
        WHERE id = $1`,
      [caId],
    );
    await dialog(verifier).getByRole('button', { name: 'Ghi kết luận' }).click();
    await verifier.getByText('Đã kết luận có hiệu lực: phiếu và sự không phù hợp đã kết thúc.').waitFor();
    await verifier.getByTestId('ca-state').filter({ hasText: 'Đã kết thúc' }).waitFor();
    const history = verifier.getByRole('table', { name: 'Lịch sử kiểm tra hiệu lực theo lần thực hiện' });
    await expect(history.innerText()).resolves.toMatch(
      /Có hiệu lực\s+Không còn hồ sơ trễ hẹn\.\s+Lê Văn Kiểm/,
    );
    expect(await seriousAccessibilityViolations(verifier)).toEqual([]);

    // The nonconformity is closed too.
    await verifier.goto(ncUrl);
    await verifier.getByTestId('nc-state').filter({ hasText: 'Đã kết thúc' }).waitFor();
    await verifier.getByRole('link', { name: 'Phiếu yêu cầu hành động khắc phục' }).waitFor();
    expect(await verifier.getByRole('button', { name: 'Lập phiếu hành động khắc phục' }).count()).toBe(0);
  }, 300_000);

  it('flags an overdue action on the board, and honours overdue=true from the address', async () => {
    // Another nonconformity, its action planned and started through the API, then overdue by SQL.
    const api = apiAs(ctx, secretary);
    const nc = await api.post('/nonconformities', {
      source: 'self',
      severity: 'minor',
      title: 'Sổ theo dõi công văn đến ghi thiếu',
      description: 'Sổ công văn đến tháng này thiếu 5 văn bản.',
    });
    expect(nc.status).toBe(201);
    const ca = await api.post('/corrective-actions', {
      nonconformityId: nc.body.id,
      rootCause: 'Chưa phân công người ghi sổ thay khi vắng.',
      verifierId: auditor.id,
    });
    expect(ca.status).toBe(201);
    const task = await api.post(`/corrective-actions/${ca.body.id}/actions`, {
      description: 'Phân công người ghi sổ thay',
      ownerId: staff.id,
      dueDate: '2099-12-31',
    });
    expect(task.status).toBe(201);
    expect((await api.post(`/corrective-actions/${ca.body.id}/plan`)).status).toBe(200);
    expect((await api.post(`/corrective-actions/${ca.body.id}/start`)).status).toBe(200);
    await ctx.sql(
      `UPDATE corrective_action_task
          SET due_date = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 3
        WHERE id = $1`,
      [task.body.id],
    );

    const manager = pages[0];
    await manager.goto('/corrective-actions?overdue=true');
    await manager.getByRole('heading', { level: 2, name: 'Phiếu có hành động quá hạn' }).waitFor();
    expect(await manager.getByRole('checkbox', { name: 'Chỉ phiếu có hành động quá hạn' }).isChecked()).toBe(
      true,
    );
    const board = manager.getByRole('table', { name: 'Phiếu yêu cầu hành động khắc phục' });
    const overdueRow = board.getByRole('row', { name: /Sổ theo dõi công văn đến ghi thiếu/ });
    await expect(overdueRow.innerText()).resolves.toMatch(/Đang thực hiện[\s\S]*Quá hạn: 1 hành động/);
    expect(await board.getByRole('row', { name: /Trả kết quả hồ sơ trễ hẹn/ }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);

    // All states: the closed one is there too, without the overdue flag.
    await manager.getByRole('checkbox', { name: 'Chỉ phiếu có hành động quá hạn' }).click();
    await manager.waitForURL((url) => !url.search.includes('overdue'));
    const closedRow = board.getByRole('row', { name: /Trả kết quả hồ sơ trễ hẹn/ });
    await closedRow.filter({ hasText: 'Đã kết thúc' }).waitFor();
    expect(await closedRow.getByText('Quá hạn').count()).toBe(0);
    // The state filter.
    await manager.locator('.ant-segmented').getByText('Đang thực hiện', { exact: true }).click();
    await manager.waitForURL(/state=in_progress/);
    await board.getByRole('row', { name: /Trả kết quả hồ sơ trễ hẹn/ }).waitFor({ state: 'detached' });
    await board.getByRole('row', { name: /Sổ theo dõi công văn đến ghi thiếu/ }).waitFor();

    // The list of nonconformities shows the overdue one and filters on the server.
    await manager.goto('/nonconformities?state=closed');
    const list = manager.getByRole('table', { name: 'Danh sách sự không phù hợp' });
    await list.getByRole('row', { name: /Trả kết quả hồ sơ trễ hẹn/ }).waitFor();
    expect(await list.getByRole('row', { name: /Sổ theo dõi công văn/ }).count()).toBe(0);

    for (const page of pages) {
      expect(errorsOf(page)).toEqual([]);
      await page.context().close();
    }
  }, 120_000);
});
