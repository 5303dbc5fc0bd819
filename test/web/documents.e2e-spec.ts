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
import { newDocument, submittedVersion } from '../support/document-flow';
import { samplePdf } from '../support/files';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

/** dd/mm/yyyy of today in Vietnam, as the screens write dates. */
function todayVn(): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
    .format(new Date())
    .split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The documents screens, as the acceptance describes them: a procedure drafted with its
 * PDF, submitted, reviewed from "Chờ tôi xử lý", signed by the head (a wrong password first),
 * issued by the secretary, found without accents by a staff member who reads its controlled copy
 * and acknowledges it; a returned draft shows the reviewer's comment to its drafter.
 */
describe('web: documents from draft to acknowledgement', () => {
  // Each step signs in and renders several screens; a busy shared machine needs the margin.
  jest.setTimeout(120_000);
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let unit: { id: string; name: string };
  let drafter: TestUser;
  let reviewer: TestUser;
  let approver: TestUser;
  let secretary: TestUser;
  let staff: TestUser;
  const pages: Page[] = [];
  let drafterPage: Page;
  let reviewerPage: Page;
  let secretaryPage: Page;
  let documentUrl: string;
  let versionUrl: string;

  const signIn = async (user: TestUser) => {
    const page = await signedInPage(browser, baseUrl, user);
    // The API documents no 304: the browser must not revalidate its cached answers here.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    pages.push(page);
    return page;
  };
  const header = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

  beforeAll(async () => {
    ctx = await createTestContext();
    const agency = await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum' });
    unit = await ctx.newOrgUnit(agency.id, 'Phòng Hành chính - Tổng hợp');
    const user = (role: Role, fullName: string, more: { position?: string; orgUnitId?: string } = {}) =>
      ctx.newUser({ roles: [role], agencyId: agency.id, fullName, ...more });
    drafter = await user(Role.Drafter, 'Nguyễn Thị Hường');
    reviewer = await user(Role.Reviewer, 'Trần Văn Đức', { orgUnitId: unit.id });
    approver = await user(Role.Approver, 'Lê Quốc Việt', { position: 'Giám đốc' });
    secretary = await user(Role.IsoSecretary, 'Phạm Thu Trang');
    staff = await user(Role.Staff, 'Đỗ Minh Khôi', { orgUnitId: unit.id });
    baseUrl = await serveApp(ctx);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('the drafter creates the procedure, uploads its PDF and submits it', async () => {
    drafterPage = await signIn(drafter);
    const page = drafterPage;
    await page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Soạn thảo tài liệu' })
      .click();
    await page.waitForURL(/\/documents$/);
    await page.getByRole('button', { name: 'Tạo tài liệu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo tài liệu' });
    // Required fields are checked before anything is sent.
    await dialog.getByRole('button', { name: 'Tạo tài liệu' }).click();
    await dialog.getByText('Nhập mã hiệu tài liệu.').waitFor();
    await dialog.getByLabel('Mã hiệu', { exact: true }).fill('QT-TP-01');
    await dialog.getByLabel('Tên tài liệu').fill('Quy trình tiếp nhận hồ sơ');
    await chooseOption(page, 'Phòng, ban chủ trì', unit.name);
    await chooseOption(page, 'Phân phối đến phòng, ban', unit.name);
    await dialog.getByRole('button', { name: 'Tạo tài liệu' }).click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    documentUrl = new URL(page.url()).pathname;
    await header(page, 'QT-TP-01 — Quy trình tiếp nhận hồ sơ').waitFor();
    await page.getByText('Dự thảo lần sửa đổi 1').waitFor();
    const distribution = page.locator('.ant-descriptions-item', { hasText: 'Phân phối' });
    await distribution.getByText(unit.name).waitFor();

    await page.locator('input[type=file]').setInputFiles({
      name: 'QT-TP-01.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('QT-TP-01 tiep nhan ho so'),
    });
    const files = page.getByRole('table', { name: 'Tệp của dự thảo' });
    await files.getByRole('row', { name: /QT-TP-01\.pdf/ }).waitFor();
    await expect(files.getByRole('row', { name: /QT-TP-01\.pdf/ }).innerText()).resolves.toContain(
      'Tệp chính',
    );
    await page.getByText('Đã tải lên QT-TP-01.pdf.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Trình xem xét' }).click();
    await page.getByText('Đã trình dự thảo để xem xét.').waitFor();
    const versions = page.getByRole('row', { name: /Quy trình tiếp nhận hồ sơ/ });
    await versions.getByText('Đang xem xét').waitFor();
    // Once submitted, the draft panel is gone: nothing to edit.
    await expect(page.getByRole('button', { name: 'Trình xem xét' }).count()).resolves.toBe(0);
  });

  it('the reviewer finds it in "Chờ tôi xử lý" and passes it', async () => {
    reviewerPage = await signIn(reviewer);
    const page = reviewerPage;
    const menu = page.getByRole('navigation', { name: 'Chức năng' });
    await expect(menu.innerText()).resolves.toMatch(/Tài liệu\s+Chờ tôi xử lý/);
    await menu.getByRole('link', { name: 'Chờ tôi xử lý' }).click();
    await page.waitForURL(/\/documents\/queue$/);
    const row = page.getByRole('row', { name: /QT-TP-01/ });
    await expect(row.innerText()).resolves.toContain('Đang xem xét');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Xem xét QT-TP-01' }).click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}\/versions\/[0-9a-f-]{36}$/);
    versionUrl = new URL(page.url()).pathname;
    await header(page, 'QT-TP-01 — lần sửa đổi 1').waitFor();
    await page.getByRole('table', { name: 'Tệp của lần sửa đổi 1' }).getByText('QT-TP-01.pdf').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Đạt', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Xem xét: đạt' });
    await dialog.getByLabel('Ý kiến (không bắt buộc)').fill('Đạt yêu cầu');
    await dialog.getByRole('button', { name: 'Chuyển phê duyệt' }).click();
    await page.getByText('Đã chuyển dự thảo để phê duyệt.').waitFor();
    await page.locator('h1 + *').getByText('Chờ phê duyệt').waitFor();
    await page.getByText('Đạt yêu cầu').first().waitFor();
  });

  it('the head signs: a wrong password is refused with the tries left, the right one approves', async () => {
    const page = await signIn(approver);
    await page.goto('/documents/queue');
    await page.getByRole('button', { name: 'Phê duyệt QT-TP-01' }).click();
    await page.waitForURL(versionUrl);
    await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Phê duyệt tài liệu' });
    await dialog.getByLabel('Mật khẩu ký').fill('sai-mat-khau');
    await dialog.getByRole('button', { name: 'Ký' }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toContain(
      'Mật khẩu xác nhận ký không đúng; chưa có gì được ký.',
    );
    await expect(refusal.innerText()).resolves.toContain('Còn 4 lần thử');
    await dialog.getByLabel('Mật khẩu ký').fill(USER_PASSWORD);
    await dialog.getByRole('button', { name: 'Ký' }).click();
    await page.getByText('Đã ký phê duyệt.').waitFor();
    await page.locator('h1 + *').getByText('Đã phê duyệt').waitFor();
    const signature = page.getByRole('row', { name: /Lê Quốc Việt/ });
    await expect(signature.innerText()).resolves.toMatch(/Phê duyệt[\s\S]*Lê Quốc Việt[\s\S]*Giám đốc/);
  });

  it('the secretary issues it effective today: it is in force', async () => {
    secretaryPage = await signIn(secretary);
    const page = secretaryPage;
    await page.goto('/documents/queue');
    await page.getByRole('button', { name: 'Ban hành QT-TP-01' }).click();
    await page.waitForURL(versionUrl);
    await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ban hành tài liệu' });
    await expect(dialog.getByLabel('Ngày hiệu lực').inputValue()).resolves.toBe(todayVn());
    await dialog.getByLabel('Mật khẩu ký').fill(USER_PASSWORD);
    await dialog.getByRole('button', { name: 'Ký ban hành' }).click();
    await page.getByText('Đã ban hành tài liệu.').waitFor();
    await page.locator('h1 + *').getByText('Đang hiệu lực').waitFor();
    const pending = page.getByRole('table', { name: /Chưa xác nhận đọc/ });
    await pending.getByText('Đỗ Minh Khôi').waitFor();
  });

  it('staff find it without accents, read the controlled copy and acknowledge it', async () => {
    const page = await signIn(staff);
    await page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Tài liệu đang hiệu lực' })
      .click();
    await page.waitForURL(/\/documents\/in-force$/);
    await page.getByLabel('Tìm theo mã hiệu hoặc tên').fill('quy trinh tiep nhan');
    await page.getByLabel('Tìm theo mã hiệu hoặc tên').press('Enter');
    await page.waitForURL(/q=quy\+trinh\+tiep\+nhan/);
    const row = page.getByRole('row', { name: /QT-TP-01/ });
    await expect(row.innerText()).resolves.toContain('Quy trình tiếp nhận hồ sơ');
    await expect(page.getByRole('row').count()).resolves.toBe(2);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const copy = page.waitForResponse((r) => r.url().endsWith('/controlled-copy'), { timeout: 30_000 });
    await row.getByRole('button', { name: 'Xem bản kiểm soát' }).click();
    const response = await copy;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const drawer = page.locator('.ant-drawer').filter({ hasText: 'Bản có kiểm soát: QT-TP-01' });
    const frame = drawer.locator('iframe');
    await frame.waitFor();
    await expect(frame.getAttribute('src')).resolves.toMatch(/^blob:/);

    await drawer.getByRole('button', { name: 'Xác nhận đã đọc QT-TP-01' }).click();
    await drawer.getByText(`Đã xác nhận đọc ngày ${todayVn()}`).waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await row.getByText(`Đã xác nhận đọc ngày ${todayVn()}`).waitFor();
  });

  it("the secretary's list of who has not acknowledged no longer names the staff member", async () => {
    const page = secretaryPage;
    await page.reload();
    const acknowledged = page.getByRole('table', { name: /Đã xác nhận đọc/ });
    await acknowledged.getByText('Đỗ Minh Khôi').waitFor();
    const pending = page.getByRole('table', { name: /Chưa xác nhận đọc/ });
    await pending.getByText('Trần Văn Đức').waitFor();
    await expect(pending.innerText()).resolves.not.toContain('Đỗ Minh Khôi');
    // The document page: in force, issue 1, today.
    await page.goto(documentUrl);
    const version = page.getByRole('row', { name: /Quy trình tiếp nhận hồ sơ/ });
    await expect(version.innerText()).resolves.toMatch(
      new RegExp(`Đang hiệu lực[\\s\\S]*1[\\s\\S]*${todayVn()}`),
    );
  });

  it('a returned draft shows the reviewer comment to its drafter', async () => {
    const doc = await newDocument(ctx, { drafter, unitId: unit.id }, 'QT-TP-02', {
      title: 'Quy trình trả kết quả',
    });
    await submittedVersion(ctx, drafter, doc, 'QT-TP-02');
    const page = reviewerPage;
    await page.goto(`/documents/${doc.id}/versions/${doc.versionId}`);
    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Trả lại dự thảo' });
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Nhập ý kiến để người soạn thảo biết cần sửa gì.').waitFor();
    await dialog.getByLabel('Ý kiến (bắt buộc)').fill('Bổ sung biểu mẫu BM-02 vào bước 3');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await page.getByText('Đã trả lại dự thảo cho người soạn thảo.').waitFor();
    await page.locator('h1 + *').getByText('Dự thảo').waitFor();

    await drafterPage.goto(`/documents/${doc.id}`);
    const returned = drafterPage.getByRole('alert').filter({ hasText: 'Dự thảo đã bị trả lại' });
    await expect(returned.innerText()).resolves.toContain('Bổ sung biểu mẫu BM-02 vào bước 3');
    await expect(returned.innerText()).resolves.toContain('Xem xét: trả lại dự thảo');
    await drafterPage.goto('/documents?state=draft');
    await drafterPage
      .getByRole('row', { name: /QT-TP-02/ })
      .getByText('Dự thảo')
      .waitFor();
    await expect(drafterPage.getByRole('row', { name: /QT-TP-01/ }).count()).resolves.toBe(0);

    for (const each of pages) expect(errorsOf(each)).toEqual([]);
  });
});
