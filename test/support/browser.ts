import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { TestContext, TestUser, USER_PASSWORD } from './test-app';

/** Debian's chromium (`.ci/run` installs it); EISO_CHROMIUM names another build. */
export const CHROMIUM_PATH = process.env.EISO_CHROMIUM ?? '/usr/bin/chromium';
/** The build the API serves (apps/api/src/web/web-root.ts): WEB_DIST_DIR, or dist/web. */
const WEB_INDEX = join(process.env.WEB_DIST_DIR ?? join(__dirname, '..', '..', 'dist', 'web'), 'index.html');

/**
 * Headless Chromium with the flags this machine's closed network needs (no background
 * connections, no sandbox as root). One per suite; close it in afterAll.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(WEB_INDEX)) {
    throw new Error('Chưa build ứng dụng web (dist/web/index.html): chạy `npm run build` trước.');
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Không có Chromium tại ${CHROMIUM_PATH}: cài bằng \`apt-get install -y chromium\`.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Makes the test app answer on loopback (the browser needs a real port); returns its base URL. */
export async function serveApp(ctx: TestContext): Promise<string> {
  const server = ctx.app.getHttpServer() as { listening: boolean; address(): AddressInfo | string | null };
  if (!server.listening) await ctx.app.listen(0, '127.0.0.1');
  const address = server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/**
 * A new page (its own storage, so its own session) signed in as `user` through the login screen,
 * in Vietnamese, at 1366×900 (a common office screen). Browser errors fail the test.
 */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  user: Pick<TestUser, 'username'>,
  password = USER_PASSWORD,
  options: PageOptions = {},
): Promise<Page> {
  const page = await newPage(browser, baseUrl, options);
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(user.username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Chức năng' }).waitFor();
  return page;
}

export interface PageOptions {
  /**
   * The system's motion setting. Tests run with 'reduce' (the app then has no zoom or slide
   * animations, so a click never lands on a dialog or list still moving into place);
   * 'no-preference' is the animated app most users see.
   */
  motion?: 'reduce' | 'no-preference';
}

/** A page of a fresh browser context (no session), whose uncaught errors are collected. */
export async function newPage(browser: Browser, baseUrl: string, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    reducedMotion: options.motion ?? 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  pageErrors.set(page, errors);
  return page;
}

const pageErrors = new WeakMap<Page, string[]>();

/** Uncaught script errors the page raised so far (a screen that threw is a defect). */
export function errorsOf(page: Page): string[] {
  return pageErrors.get(page) ?? [];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

interface PageAnimation {
  playState: string;
  effect: { getTiming(): { iterations?: number } } | null;
}

/**
 * Waits (up to 5 s) until no finite animation or transition runs: a button or tag fades to its
 * colours for a moment after a change, and axe measures the contrast of that moment. Endless ones
 * (spinners) do not count.
 */
async function animationsSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const doc = (globalThis as unknown as { document: { getAnimations(): PageAnimation[] } }).document;
        return doc
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
      },
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
}

/**
 * Runs axe-core in the page (WCAG 2.1 A and AA rules) and returns the serious and critical
 * violations; a main screen must have none.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await animationsSettled(page);
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    // Runs in the page: axe-core put itself on the page's global object.
    const page = globalThis as unknown as {
      document: unknown;
      axe: { run: (context: unknown, options: object) => Promise<{ violations: AxeResult[] }> };
    };
    interface AxeResult {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }
    const results = await page.axe.run(page.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Waits until `condition` holds (checked every 100 ms), or fails after `timeoutMs`. */
export async function waitUntil(
  condition: () => Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`Hết thời gian chờ: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Picks `option` in the antd select labelled `label` (inside `within`, else anywhere on the page),
 * typing `search` first when given. The one way every browser test chooses: it finds the list of
 * THIS select by its id (`<input id>_list`), lets the list's opening animation end before clicking
 * (a click on a list still sliding in can land beside the option), and checks the choice took: a
 * single select shows it and closes, a multiple one marks the option selected and is closed with Escape.
 * A click that did not take is tried again (three times), instead of the form going on with the
 * select's previous value.
 */
export async function chooseOption(
  page: Page,
  label: string,
  option: string,
  { within, search }: { within?: Locator; search?: string } = {},
): Promise<void> {
  const input = (within ?? page).getByLabel(label, { exact: true });
  const select = input.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
  const multiple = ((await select.getAttribute('class')) ?? '').includes('ant-select-multiple');
  const dropdown = page.locator('.ant-select-dropdown', {
    has: page.locator(`[id="${await input.getAttribute('id')}_list"]`),
  });
  const item = dropdown
    .locator(`.ant-select-item-option[title="${option}"]`)
    .or(dropdown.locator('.ant-select-item-option', { hasText: option }))
    .first();
  const took = async (): Promise<boolean> => {
    if (multiple) {
      // A multiple select shows each choice as a tag titled with its label.
      const tag = select
        .locator(`.ant-select-selection-item[title="${option}"]`)
        .or(select.locator('.ant-select-selection-item', { hasText: option }));
      return (await tag.count()) > 0;
    }
    // antd 6 shows a single choice as the text of `.ant-select-content`, titled with it.
    const shown = select.locator('.ant-select-content').first();
    if ((await shown.count()) === 0) return false;
    const text = ((await shown.getAttribute('title')) || (await shown.innerText())).trim();
    return text.length > 0 && (option.includes(text) || text.includes(option));
  };
  // Runs in the page: waits for the list's own animations (opening or closing slide) to end.
  const settled = () =>
    dropdown
      .evaluate((list: unknown) =>
        Promise.all(
          (list as { getAnimations(o: object): { finished: Promise<unknown> }[] })
            .getAnimations({ subtree: true })
            .map((a) => a.finished.catch(() => undefined)),
        ),
      )
      .catch(() => undefined);
  for (let attempt = 1; ; attempt++) {
    if (await dropdown.isVisible()) await settled();
    if (!(await dropdown.isVisible())) {
      await input.click();
      if (search !== undefined) await input.fill(search);
    }
    await dropdown.waitFor();
    await settled();
    const clicked = await item.click({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    const deadline = Date.now() + 2_500;
    let ok = clicked && (await took());
    while (clicked && !ok && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      ok = await took();
    }
    if (ok) break;
    if (attempt === 3) {
      const shown = await select.innerText().catch(() => '');
      throw new Error(`Không chọn được "${option}" trong "${label}" (ô chọn đang hiện: "${shown}")`);
    }
  }
  // A multiple select keeps its list open, and so does a single one whose option was already chosen.
  // Escape closes an open list only (the select keeps it from the dialog around it); a single
  // select's list closing by itself is let close first, or the Escape would land on the dialog.
  if (!multiple) await dropdown.waitFor({ state: 'hidden', timeout: 1_500 }).catch(() => undefined);
  if (await dropdown.isVisible()) await input.press('Escape');
  await dropdown.waitFor({ state: 'hidden' });
}
