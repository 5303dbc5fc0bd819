import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { Role } from '@eiso/common';
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

/**
 * The records screens as people use them: the Danh mục hồ sơ, a record filed with a file, a hold
 * placed and released, a disposal proposed by the ISO secretary and signed by the head, and the
 * registers with their Excel export.
 */
describe('records screens', () => {
  // Several screens (and sign-ins) in one step: on a loaded 2-core machine near or over 60 s.
  const LONG = 120_000;
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let secretary: TestUser;
  let drafter: TestUser;
  let head: TestUser;
  let secretaryPage: Page;
  let recordId: string;
  let disposalPath: string;

  const TYPE_CODE = 'HS-VP-01';
  const TYPE_NAME = 'Hồ sơ giải quyết đơn thư';
  const RECORD_TITLE = 'Hồ sơ giải quyết đơn của ông Nguyễn Văn Hùng';

  beforeAll(async () => {
    ctx = await createTestContext();
    const agency = await ctx.newAgency({ name: 'Sở Nội vụ tỉnh Gia Lai' });
    await ctx.newOrgUnit(agency.id, 'Văn phòng Sở');
    secretary = await ctx.newUser({
      roles: [Role.IsoSecretary],
      agencyId: agency.id,
      fullName: 'Phạm Thị Lan',
      position: 'Chánh Văn phòng',
    });
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id, fullName: 'Võ Minh Tâm' });
    head = await ctx.newUser({
      roles: [Role.Approver],
      agencyId: agency.id,
      fullName: 'Đặng Quốc Bảo',
      position: 'Giám đốc Sở',
    });
    baseUrl = await serveApp(ctx);
    browser = await launchBrowser();
    secretaryPage = await signIn(secretary);
  });

  /**
   * Signs in with the browser's HTTP cache off for the API (routing turns it off in Chromium):
   * a reload would otherwise revalidate GET /me with If-None-Match and get a 304, which the
   * OpenAPI document does not list and the suite hook counts as a disagreement.
   */
  const signIn = async (user: TestUser): Promise<Page> => {
    const page = await signedInPage(browser, baseUrl, user);
    await page.context().route('**/api/**', (route) => route.continue());
    return page;
  };
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('lets the ISO secretary add a record type to the Danh mục hồ sơ', async () => {
    const page = secretaryPage;
    const menu = await page.getByRole('navigation', { name: 'Chức năng' }).innerText();
    for (const item of ['Hồ sơ', 'Danh mục hồ sơ', 'Hủy hồ sơ', 'Sổ đăng ký']) expect(menu).toContain(item);
    await page.goto('/record-types');
    await page.getByRole('heading', { level: 1, name: 'Danh mục hồ sơ' }).waitFor();
    await page.getByText('Danh mục hồ sơ chưa có loại hồ sơ nào.').waitFor();
    await page.getByRole('button', { name: 'Thêm loại hồ sơ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm loại hồ sơ' });
    // Nothing is sent before the required fields are filled.
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Nhập mã loại hồ sơ.').waitFor();
    await dialog.getByText('Chọn phòng, ban lưu giữ hồ sơ.').waitFor();
    await dialog.getByLabel('Mã loại hồ sơ').fill(TYPE_CODE);
    await dialog.getByLabel('Tên loại hồ sơ').fill(TYPE_NAME);
    await dialog.getByLabel('Thời hạn lưu trữ (năm)').fill('5');
    await dialog.getByLabel('Nơi lưu').fill('Tủ hồ sơ Văn phòng Sở');
    await chooseOption(page, 'Đơn vị lưu giữ', 'Văn phòng Sở', { within: dialog, search: 'Văn phòng Sở' });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: new RegExp(TYPE_CODE) });
    await expect(row.innerText()).resolves.toMatch(
      new RegExp(`${TYPE_NAME}[\\s\\S]*5 năm[\\s\\S]*Tủ hồ sơ Văn phòng Sở[\\s\\S]*Văn phòng Sở`),
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it(
    'lets a drafter file a record and upload a file to it with progress',
    async () => {
      const page = await signIn(drafter);
      await page.goto('/records');
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ' }).waitFor();
      await page.getByText('Không có hồ sơ nào khớp bộ lọc.').waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
      const dialog = page.getByRole('dialog', { name: 'Lập hồ sơ' });
      await dialog.getByRole('button', { name: 'Lập hồ sơ' }).click();
      await dialog.getByText('Chọn loại hồ sơ trong Danh mục hồ sơ.').waitFor();
      await chooseOption(page, 'Loại hồ sơ', TYPE_CODE, { within: dialog, search: TYPE_CODE });
      await dialog.getByLabel('Tên hồ sơ').fill(RECORD_TITLE);
      await dialog.getByLabel('Ngày hồ sơ').fill('31/03/2020');
      await dialog.getByLabel('Ngày hồ sơ').press('Enter');
      await dialog.getByLabel('Số, ký hiệu hồ sơ').fill('ĐT-2020-015');
      await dialog.getByRole('button', { name: 'Lập hồ sơ' }).click();
      await page.waitForURL(/\/records\/[0-9a-f-]{36}$/);
      recordId = page.url().split('/').pop()!;
      await page.getByRole('heading', { level: 1, name: RECORD_TITLE }).waitFor();
      const details = await page.locator('.ant-descriptions').innerText();
      expect(details).toContain('Đang lưu trữ');
      expect(details).toContain('31/03/2020');
      expect(details).toContain('5 năm');
      expect(details).toContain('31/03/2025');
      expect(details).toContain('ĐT-2020-015');
      await page.getByText('Hồ sơ chưa có tệp nào.').waitFor();
      // A drafter holds nothing: no hold button.
      expect(await page.getByRole('button', { name: 'Phong tỏa' }).count()).toBe(0);

      await page.locator('input[type=file]').setInputFiles({
        name: 'don-thu.pdf',
        mimeType: 'application/pdf',
        buffer: await samplePdf('don-thu', 3),
      });
      await page.getByText('Đã tải lên tệp "don-thu.pdf".').waitFor();
      const progress = page.getByRole('progressbar', { name: 'Tiến độ tải tệp lên' });
      await expect(progress.getAttribute('aria-valuenow')).resolves.toBe('100');
      await page.getByRole('cell', { name: 'don-thu.pdf', exact: true }).waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Tải về tệp don-thu.pdf' }).click();
      expect((await download).suggestedFilename()).toBe('don-thu.pdf');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(errorsOf(page)).toEqual([]);
      await page.context().close();
    },
    LONG,
  );

  it(
    'lets the ISO secretary place a hold with a reason and release it',
    async () => {
      const page = secretaryPage;
      await page.goto(`/records/${recordId}`);
      await page.getByRole('heading', { level: 1, name: RECORD_TITLE }).waitFor();
      await page.getByRole('button', { name: 'Phong tỏa' }).click();
      const dialog = page.getByRole('dialog', { name: 'Phong tỏa hồ sơ' });
      await dialog.getByRole('button', { name: 'Phong tỏa' }).click();
      await dialog.getByText('Nhập lý do phong tỏa.').waitFor();
      await dialog.getByLabel('Lý do phong tỏa').fill('Phục vụ thanh tra công vụ');
      await dialog.getByRole('button', { name: 'Phong tỏa' }).click();
      await page.getByText('Đã phong tỏa hồ sơ.').waitFor();
      const details = page.locator('.ant-descriptions');
      await details.getByText('Đang phong tỏa').waitFor();
      await expect(details.innerText()).resolves.toContain('lý do: Phục vụ thanh tra công vụ');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      await page.goto('/records?onHold=true');
      await page.getByRole('link', { name: RECORD_TITLE }).waitFor();

      await page.goto(`/records/${recordId}`);
      await page.getByRole('button', { name: 'Gỡ phong tỏa' }).click();
      await page.getByRole('tooltip').getByRole('button', { name: 'Gỡ phong tỏa' }).click();
      await page.getByText('Đã gỡ phong tỏa hồ sơ.').waitFor();
      await page.getByRole('button', { name: 'Phong tỏa' }).waitFor();
      expect(await details.getByText('Đang phong tỏa').count()).toBe(0);
      await expect(details.innerText()).resolves.toContain('Đang lưu trữ');
    },
    LONG,
  );

  it(
    'proposes the record due for disposal, and the head signs the batch',
    async () => {
      await ctx.sql(
        `UPDATE record SET state = 'due_for_disposal', retention_end = '2025-03-31', due_at = now() WHERE id = $1`,
        [recordId],
      );
      const page = secretaryPage;
      // The address notifications link to.
      await page.goto('/records?state=due_for_disposal');
      const row = page.getByRole('row', { name: new RegExp(RECORD_TITLE) });
      await expect(row.innerText()).resolves.toContain('Đến hạn hủy');

      await page.goto('/disposals');
      await page.getByRole('heading', { level: 1, name: 'Hủy hồ sơ' }).waitFor();
      await page.getByText('Chưa có đợt hủy nào.').waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Đề nghị hủy' }).click();
      const dialog = page.getByRole('dialog', { name: 'Đề nghị hủy hồ sơ' });
      await dialog.getByRole('cell', { name: RECORD_TITLE, exact: true }).waitFor();
      await dialog.getByRole('button', { name: 'Gửi đề nghị hủy' }).click();
      await dialog.getByText('Chọn ít nhất một hồ sơ đến hạn hủy.').waitFor();
      await dialog.getByLabel(`Chọn hồ sơ ${RECORD_TITLE}`).check();
      await dialog.getByLabel('Ghi chú').fill('Hết thời hạn lưu trữ 5 năm');
      await dialog.getByRole('button', { name: 'Gửi đề nghị hủy' }).click();
      await page.waitForURL(/\/disposals\/[0-9a-f-]{36}$/);
      disposalPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 1, name: 'Đợt hủy hồ sơ số 01/BB-HHS' }).waitFor();
      await page.getByRole('link', { name: RECORD_TITLE }).waitFor();
      const summary = await page.locator('.ant-descriptions').innerText();
      expect(summary).toContain('Chờ phê duyệt');
      expect(summary).toContain('Phạm Thị Lan, Chánh Văn phòng');
      expect(summary).toContain('Hết thời hạn lưu trữ 5 năm');
      // The proposer does not approve her own batch.
      expect(await page.getByRole('button', { name: 'Phê duyệt hủy' }).count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      const headPage = await signIn(head);
      await headPage.goto(disposalPath);
      await headPage.getByRole('heading', { level: 1, name: 'Đợt hủy hồ sơ số 01/BB-HHS' }).waitFor();
      await headPage.getByRole('link', { name: RECORD_TITLE }).waitFor();
      await headPage.getByRole('button', { name: 'Phê duyệt hủy' }).click();
      const sign = headPage.getByRole('dialog', { name: 'Phê duyệt hủy hồ sơ' });
      await sign.getByLabel('Mật khẩu ký').fill('sai-mat-khau-9');
      await sign.getByRole('button', { name: 'Ký' }).click();
      await expect(sign.getByRole('alert').innerText()).resolves.toContain('Mật khẩu xác nhận ký không đúng');
      await expect(headPage.locator('.ant-descriptions').innerText()).resolves.toContain('Chờ phê duyệt');
      await sign.getByLabel('Mật khẩu ký').fill('MatKhau-123');
      await sign.getByRole('button', { name: 'Ký' }).click();
      await headPage.getByText('Đã phê duyệt hủy hồ sơ theo biên bản số 01/BB-HHS.').waitFor();
      const signed = await headPage.locator('.ant-descriptions').innerText();
      expect(signed).toContain('Đã phê duyệt');
      expect(signed).toContain('Đặng Quốc Bảo, Giám đốc Sở');
      expect(await headPage.getByRole('button', { name: 'Phê duyệt hủy' }).count()).toBe(0);
      const popup = headPage.context().waitForEvent('page');
      await headPage.getByRole('button', { name: 'Biên bản hủy (PDF)' }).click();
      const minutes = await popup;
      expect(minutes.url()).toMatch(/^blob:/);
      // The button stays dimmed (loading) a moment after the tab opens; check the settled screen.
      await headPage.locator('.ant-btn-loading').waitFor({ state: 'detached' });
      expect(await seriousAccessibilityViolations(headPage)).toEqual([]);
      expect(errorsOf(headPage)).toEqual([]);
      await headPage.context().close();

      await page.goto('/disposals');
      const batch = page.getByRole('row', { name: /01\/BB-HHS/ });
      await expect(batch.innerText()).resolves.toContain('Đã phê duyệt');
    },
    LONG,
  );

  it('shows the registers and exports the Danh mục hồ sơ to Excel', async () => {
    const page = secretaryPage;
    await page.goto('/registers');
    await page.getByRole('heading', { level: 1, name: 'Sổ đăng ký' }).waitFor();
    await page.getByText('Chưa có tài liệu nội bộ nào đang hiệu lực.').waitFor();
    await page.getByRole('tab', { name: 'Tài liệu bên ngoài' }).click();
    await page.getByText('Chưa có tài liệu bên ngoài nào đang hiệu lực.').waitFor();
    await page.getByRole('tab', { name: 'Danh mục hồ sơ' }).click();
    const row = page.getByRole('row', { name: new RegExp(TYPE_CODE) });
    await expect(row.innerText()).resolves.toMatch(
      new RegExp(`${TYPE_NAME}[\\s\\S]*5 năm[\\s\\S]*Tủ hồ sơ Văn phòng Sở[\\s\\S]*Văn phòng Sở`),
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const download = page.waitForEvent('download');
    await page.getByRole('tabpanel').getByRole('button', { name: 'Xuất Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(file.suggestedFilename()).toContain('Danh mục hồ sơ');
    const bytes = readFileSync(await file.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(errorsOf(page)).toEqual([]);
  });
});
