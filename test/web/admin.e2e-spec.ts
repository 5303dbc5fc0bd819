import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import {
  errorsOf,
  launchBrowser,
  newPage,
  seriousAccessibilityViolations,
  serveApp,
  signedInPage,
} from '../support/browser';
import { ADMIN_PASSWORD, createTestContext, TestContext } from '../support/test-app';

/**
 * The API answers a revalidation with 304, which its OpenAPI document does not list (the suite's
 * response check would fail): the pages of this suite keep no HTTP cache.
 */
async function withoutHttpCache(page: Page): Promise<Page> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return page;
}

const SEED_CSV = join(__dirname, '..', '..', 'seed', 'kontum-agencies-2020.csv');

/**
 * Administration through the screens: the roadmap CSV import and the agencies tree, a user with a
 * temporary password who must change it first, the notification inbox and the bell, the scheduled
 * jobs with "Chạy ngay", the audit trail and its chain check.
 */
describe('administration screens (agencies, users, notifications, jobs, audit trail)', () => {
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let admin: Page;
  const username = `tranthibinh${randomUUID().slice(0, 4)}`;
  const fullName = 'Trần Thị Bình';
  let user: { id: string; must_change_password: boolean };

  beforeAll(async () => {
    ctx = await createTestContext();
    baseUrl = await serveApp(ctx);
    browser = await launchBrowser();
    admin = await signedInPage(browser, baseUrl, { username: 'admin' }, ADMIN_PASSWORD);
    await withoutHttpCache(admin);
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('imports the Kon Tum roadmap CSV through the screen and lists the 147 agencies', async () => {
    await admin.goto('/agencies');
    await admin.getByRole('heading', { level: 1, name: 'Cơ quan, đơn vị' }).waitFor();
    await admin.getByRole('button', { name: 'Nhập từ CSV' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Nhập danh sách cơ quan từ tệp CSV' });
    await dialog.getByLabel('Tệp CSV danh sách cơ quan').setInputFiles(SEED_CSV);
    await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
    const summary = dialog.getByTestId('import-summary');
    await summary.waitFor();
    const summaryText = await summary.innerText();
    expect(summaryText).toContain('Đã nhập xong danh sách cơ quan.');
    expect(summaryText).toMatch(/Số dòng trong tệp\s+147/);
    expect(summaryText).toMatch(/Tạo mới\s+147/);
    expect(summaryText).toMatch(/Không thay đổi\s+0/);
    await dialog.getByRole('button', { name: 'Hoàn tất' }).click();

    await admin.getByText('Tổng số: 147').waitFor();
    // The tree: a district opens onto its communes.
    await admin.getByLabel('Tìm theo tên').fill('Đăk Hà');
    await admin.getByLabel('Tìm theo tên').press('Enter');
    const district = admin.getByRole('row', { name: /Ủy ban nhân dân huyện Đăk Hà/ });
    await district.getByRole('button', { name: 'Mở rộng dòng' }).click();
    await admin.getByRole('table', { name: /Cơ quan trực thuộc Ủy ban nhân dân huyện Đăk Hà/ }).waitFor();
    expect(
      await admin
        .getByRole('table', { name: /Cơ quan trực thuộc/ })
        .getByRole('row')
        .count(),
    ).toBeGreaterThan(2);
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);
  });

  it('creates a user with a temporary password, who must change it at first login', async () => {
    await admin.goto('/users');
    await admin.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Thêm người dùng' });
    await dialog.getByLabel('Họ và tên').fill(fullName);
    await dialog.getByLabel('Tên đăng nhập').fill(username);
    await dialog.getByLabel('Mật khẩu tạm').fill('Tam-thoi-2026');
    await dialog.getByLabel('Cơ quan', { exact: true }).fill('Sở Tư pháp');
    await admin.getByTitle('Sở Tư pháp', { exact: true }).click();
    await dialog.getByLabel('Chức vụ').fill('Chuyên viên');
    await dialog.getByLabel('Cán bộ, công chức').check();
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await admin.getByText(`Đã tạo tài khoản ${username}.`, { exact: false }).waitFor();
    const row = admin.getByRole('row', { name: new RegExp(username) });
    await row.waitFor();
    expect(await row.innerText()).toContain('Phải đổi mật khẩu');
    expect(await row.innerText()).toContain('Cán bộ, công chức');

    [user] = await ctx.sql<{ id: string; must_change_password: boolean }>(
      `SELECT id, must_change_password FROM app_user WHERE username = $1`,
      [username],
    );
    expect(user.must_change_password).toBe(true);
    await ctx.sql(
      `INSERT INTO notification (id, user_id, kind, title, body, link)
       VALUES ($1, $2, 'test', 'Tài liệu QT-HT-01 đã ban hành', 'Mời đồng chí đọc và xác nhận.', '/me')`,
      [randomUUID(), user.id],
    );
  });

  it('makes the new user change the temporary password, then shows the notification and the bell', async () => {
    const page = await withoutHttpCache(await newPage(browser, baseUrl));
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill('Tam-thoi-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/change-password$/);
    await page
      .getByText('Mật khẩu của bạn do người khác đặt. Hãy đặt mật khẩu mới trước khi làm việc.')
      .waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill('Tam-thoi-2026');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('MatKhau-Moi-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('MatKhau-Moi-2026');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Trang chủ' }).waitFor();
    await page.getByText(`Xin chào, ${fullName}`).waitFor();

    // The inbox: the bell counts it, opening it marks it read and goes to its link.
    await page.getByRole('link', { name: 'Thông báo: 1 chưa đọc' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.goto('/notifications');
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    const item = page.getByRole('row', { name: /Tài liệu QT-HT-01 đã ban hành/ });
    await item.waitFor();
    expect(await item.innerText()).toContain('Chưa đọc');
    await page.getByText('1 thông báo chưa đọc').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await item.getByRole('button', { name: 'Tài liệu QT-HT-01 đã ban hành' }).click();
    await page.waitForURL(/\/me$/);
    await page.getByRole('heading', { level: 1, name: 'Thông tin cá nhân' }).waitFor();
    await page.getByText('Sở Tư pháp').waitFor();
    const profile = await page.getByRole('main').last().innerText();
    expect(profile).toContain(fullName);
    expect(profile).toContain('Chuyên viên');
    expect(profile).toContain('Cán bộ, công chức');
    await page.getByRole('link', { name: 'Thông báo: 0 chưa đọc' }).waitFor();
    await page.goto('/notifications?unread=true');
    await page.getByText('Không có thông báo chưa đọc.').waitFor();
    const [read] = await ctx.sql<{ read_at: Date | null }>(
      `SELECT read_at FROM notification WHERE user_id = $1`,
      [user.id],
    );
    expect(read.read_at).not.toBeNull();
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
    // Two password hashes (login, change) and a fresh session: slow on a loaded 2-core machine.
  }, 150_000);

  it('shows the scheduled jobs and runs one now', async () => {
    const overview = await ctx.http().get('/api/v1/admin/jobs').set('Authorization', ctx.admin.auth);
    const job = (overview.body as { items: { job: string; label: string }[] }).items.find(
      (j) => j.job === 'records.retention',
    )!;
    await admin.goto('/admin/jobs');
    await admin.getByRole('heading', { level: 1, name: 'Công việc định kỳ' }).waitFor();
    const row = admin.getByRole('row', { name: new RegExp(job.label) }).first();
    await row.waitFor();
    expect(await admin.getByRole('table').first().innerText()).toContain('Lần chạy tới');
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);
    await row.getByRole('button', { name: 'Mở rộng dòng' }).click();
    const runs = admin.getByRole('table', { name: `Các lượt chạy: ${job.label}` });
    await runs.waitFor();
    const before = await runs.getByText('Quản trị yêu cầu').count();
    await row.getByRole('button', { name: `Chạy ngay: ${job.label}` }).click();
    await admin.getByText(`Đã đưa “${job.label}” vào hàng đợi.`).waitFor();
    await runs.getByText('Quản trị yêu cầu').nth(before).waitFor();
    expect(await runs.innerText()).toContain('admin');
  });

  it('lists the audit trail and verifies the chain', async () => {
    await admin.goto('/audit-trail');
    await admin.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' }).waitFor();
    const table = admin.getByRole('table', { name: 'Các sự kiện trong nhật ký' });
    await table.getByText('Nhập danh sách cơ quan từ tệp').first().waitFor();
    expect(await table.innerText()).toContain('Tạo tài khoản');
    await admin.getByRole('button', { name: 'Kiểm tra chuỗi' }).click();
    await admin.getByText('Chuỗi nhật ký nguyên vẹn.').waitFor();
    expect(await admin.getByRole('status').filter({ hasText: 'Đã kiểm tra' }).innerText()).toMatch(
      /Đã kiểm tra \d+ mắt xích \(toàn hệ thống\)/,
    );
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);

    await admin.goto('/');
    await admin.getByRole('heading', { level: 1, name: 'Trang chủ' }).waitFor();
    await admin.getByText('Thông báo chưa đọc').waitFor();
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);
    expect(errorsOf(admin)).toEqual([]);
  });
});
