import { Browser, Page } from 'playwright-core';
import { Role } from '@eiso/common';
import {
  errorsOf,
  launchBrowser,
  newPage,
  seriousAccessibilityViolations,
  serveApp,
  signedInPage,
} from '../support/browser';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

/**
 * The web app as the API serves it: the built files at `/`, index.html for client routes, the
 * API's own JSON 404 kept, login, the menu a user's permissions allow, sign-out.
 */
describe('the web app shell', () => {
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let staff: TestUser;
  let secretary: TestUser;

  beforeAll(async () => {
    ctx = await createTestContext();
    const agency = await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum' });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id, fullName: 'Trần Thị Bình' });
    secretary = await ctx.newUser({
      roles: [Role.IsoSecretary],
      agencyId: agency.id,
      fullName: 'Lê Văn Cường',
    });
    baseUrl = await serveApp(ctx);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('serves the app at / and at client routes, and keeps the API 404 in JSON', async () => {
    const root = await ctx.http().get('/');
    expect(root.status).toBe(200);
    expect(root.headers['content-type']).toMatch(/text\/html/);
    expect(root.text).toContain('<div id="root"></div>');
    const deep = await ctx.http().get('/documents/5b0c8e5e-0000-4000-8000-000000000000');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<div id="root"></div>');
    const api = await ctx.http().get('/api/v1/khong-co');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/json/);
    expect(api.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    const asset = root.text.match(/src="(\/assets\/[^"]+\.js)"/)![1];
    const js = await ctx.http().get(asset);
    expect(js.status).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    expect(root.headers['cache-control']).toBe('no-cache');
  });

  it('sends a visitor to the login, refuses a wrong password in Vietnamese, then signs in', async () => {
    const page = await newPage(browser, baseUrl);
    await page.goto('/documents/in-force');
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Tên đăng nhập').fill(staff.username);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/mật khẩu/i);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Mật khẩu').fill('MatKhau-123');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/documents\/in-force$/);
    await page.getByRole('navigation', { name: 'Chức năng' }).waitFor();
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('offers each user only the menu their roles allow', async () => {
    const staffPage = await signedInPage(browser, baseUrl, staff);
    const staffMenu = await staffPage.getByRole('navigation', { name: 'Chức năng' }).innerText();
    expect(staffMenu).toContain('Tài liệu đang hiệu lực');
    expect(staffMenu).not.toContain('Người dùng');
    expect(await staffPage.getByTestId('account-menu').innerText()).toContain('Trần Thị Bình');
    expect(await seriousAccessibilityViolations(staffPage)).toEqual([]);

    const adminPage = await signedInPage(browser, baseUrl, { username: 'admin' }, 'Admin-Test-2026');
    const adminMenu = await adminPage.getByRole('navigation', { name: 'Chức năng' }).innerText();
    expect(adminMenu).toContain('Người dùng');
    expect(adminMenu).toContain('Cơ quan, đơn vị');

    const secretaryPage = await signedInPage(browser, baseUrl, secretary);
    await secretaryPage.getByTestId('account-menu').hover();
    await secretaryPage.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await secretaryPage.waitForURL(/\/login$/);
    await secretaryPage.goto('/');
    await secretaryPage.waitForURL(/\/login$/);
    for (const page of [staffPage, adminPage, secretaryPage]) {
      expect(errorsOf(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('drops its zoom and slide animations for a user who asks the system for less motion', async () => {
    /**
     * Whether opening the account menu put an element through an appear/enter animation (the
     * popup's prepare step, where it is measured and placed, runs either way).
     */
    const menuAnimated = async (page: Page): Promise<boolean> => {
      // In the page (a string: these tests compile without the DOM's types).
      await page.evaluate(`
        window.motionSeen = [];
        new MutationObserver((changes) => {
          for (const change of changes) {
            const name = change.target.getAttribute('class') ?? '';
            if (/-(appear|enter)-(start|active)\\b/.test(name)) window.motionSeen.push(name);
          }
        }).observe(document.body, { attributes: true, attributeFilter: ['class'], subtree: true, childList: true });
      `);
      await page.getByTestId('account-menu').hover();
      await page.getByRole('menuitem', { name: 'Đăng xuất' }).waitFor();
      await page.waitForTimeout(500);
      return page.evaluate<boolean>('window.motionSeen.length > 0');
    };
    const still = await signedInPage(browser, baseUrl, staff, undefined, { motion: 'reduce' });
    expect(await menuAnimated(still)).toBe(false);
    const moving = await signedInPage(browser, baseUrl, staff, undefined, { motion: 'no-preference' });
    expect(await menuAnimated(moving)).toBe(true);
    for (const page of [still, moving]) {
      expect(errorsOf(page)).toEqual([]);
      await page.context().close();
    }
  });
});
