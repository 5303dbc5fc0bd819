import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { Role } from '@eiso/common';
import { apiAs } from '../support/api-as';
import { auditInProgress } from '../support/audit-flow';
import { effectiveDocument, newDocument, reviewedVersion, submittedVersion } from '../support/document-flow';
import { newRecord, newRecordType } from '../support/record-flow';
import {
  errorsOf,
  launchBrowser,
  seriousAccessibilityViolations,
  serveApp,
  signedInPage,
} from '../support/browser';
import { ADMIN_PASSWORD, createTestContext, TestContext, TestUser } from '../support/test-app';

/** The screens as most users see them, animations on (the other browser suites turn them off). */
const ANIMATED = { motion: 'no-preference' } as const;

/**
 * The main screen of each role, on an agency with work under way: each passes axe-core with no
 * serious or critical violation and is saved as a PNG. `npm run screenshots` sets
 * EISO_SCREENSHOTS_DIR=docs/screenshots (the pictures the README links); `npm test` writes them to
 * a temporary folder and checks them all the same.
 */
describe('the main screen of each role', () => {
  let ctx: TestContext;
  let browser: Browser;
  let baseUrl: string;
  const dir = process.env.EISO_SCREENSHOTS_DIR
    ? resolve(process.env.EISO_SCREENSHOTS_DIR)
    : mkdtempSync(join(tmpdir(), 'eiso-screens-'));
  const people = {} as Record<
    'drafter' | 'reviewer' | 'approver' | 'secretary' | 'staff' | 'auditor',
    TestUser
  >;
  let auditId = '';

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    ctx = await createTestContext();
    const agency = await ctx.newAgency({
      name: 'Sở Tư pháp tỉnh Kon Tum',
      abbreviation: 'STP',
      place: 'Kon Tum',
    });
    const office = await ctx.newOrgUnit(agency.id, 'Văn phòng Sở');
    const unit = await ctx.newOrgUnit(agency.id, 'Phòng Hành chính tư pháp');
    const person = (role: Role, fullName: string, position: string, orgUnitId = office.id) =>
      ctx.newUser({ roles: [role], agencyId: agency.id, fullName, position, orgUnitId });
    people.drafter = await person(Role.Drafter, 'Nguyễn Văn An', 'Chuyên viên', unit.id);
    people.reviewer = await person(Role.Reviewer, 'Trần Thị Bình', 'Chánh Văn phòng');
    people.approver = await person(Role.Approver, 'Lê Văn Cường', 'Giám đốc');
    people.secretary = await person(Role.IsoSecretary, 'Phạm Thị Dung', 'Thư ký ISO');
    people.staff = await person(Role.Staff, 'Hoàng Văn Em', 'Chuyên viên', unit.id);
    people.auditor = await person(Role.Auditor, 'Võ Thị Giang', 'Chuyên gia đánh giá nội bộ');
    const circle = { ...people, unitId: unit.id };

    const titles: [string, string][] = [
      ['QT-VP-01', 'Quy trình kiểm soát tài liệu'],
      ['QT-VP-02', 'Quy trình kiểm soát hồ sơ'],
      ['QT-VP-03', 'Quy trình đánh giá nội bộ'],
      ['QT-HT-01', 'Quy trình cấp phiếu lý lịch tư pháp'],
    ];
    for (const [code, title] of titles) await effectiveDocument(ctx, circle, code, { title });
    const waitingReview = await newDocument(ctx, circle, 'QT-HT-02', {
      title: 'Quy trình chứng thực bản sao',
    });
    await submittedVersion(ctx, people.drafter, waitingReview);
    const waitingHead = await newDocument(ctx, circle, 'QT-HT-03', { title: 'Quy trình đăng ký hộ tịch' });
    await reviewedVersion(ctx, circle, waitingHead);
    await newDocument(ctx, circle, 'BM-HT-01', { title: 'Mẫu phiếu theo dõi hồ sơ', type: 'form' });

    const type = await newRecordType(ctx, people.secretary, unit.id, 'HS-HT-01', {
      name: 'Hồ sơ cấp phiếu lý lịch tư pháp',
    });
    await newRecord(ctx, people.drafter, type.id, {
      title: 'Hồ sơ cấp phiếu số 125/2026',
      recordDate: '2026-11-20',
    });
    await newRecord(ctx, people.drafter, type.id, {
      title: 'Hồ sơ cấp phiếu số 126/2026',
      recordDate: '2026-11-23',
    });

    ({ auditId } = await auditInProgress(ctx, people.secretary, {
      year: 2026,
      title: 'Đánh giá nội bộ đợt 2 năm 2026',
      orgUnitIds: [unit.id],
      clauses: ['7.5', '8.5.1', '9.2'],
      lead: people.auditor,
      startDate: '2026-11-10',
      endDate: '2026-11-12',
    }));
    const finding = await apiAs(ctx, people.auditor).post(`/audits/${auditId}/findings`, {
      type: 'minor_nc',
      clause: '8.5.1',
      orgUnitId: unit.id,
      statement: 'Hai hồ sơ cấp phiếu lý lịch tư pháp trả kết quả quá hạn, không có văn bản xin lỗi.',
    });
    expect(finding.status).toBe(201);

    baseUrl = await serveApp(ctx);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  /** Opens `path` as the user, waits for `ready`, checks axe and saves `<name>.png`. */
  const shoot = async (page: Page, name: string, path: string, ready: string) => {
    await page.goto(path);
    await page.getByText(ready, { exact: false }).first().waitFor();
    // Lists and pictures settle (fonts, icons) before the picture is taken.
    await page.waitForLoadState('networkidle');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const file = join(dir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  };

  it.each([
    ['drafter', 'soan-thao', '/documents', 'BM-HT-01'],
    ['reviewer', 'xem-xet', '/documents/queue', 'QT-HT-02'],
    ['approver', 'thu-truong', '/', 'Lê Văn Cường'],
    ['secretary', 'thu-ky-iso', '/registers', 'QT-VP-01'],
    ['staff', 'can-bo', '/documents/in-force', 'QT-HT-01'],
  ] as const)('%s: %s', async (role, name, path, ready) => {
    const page = await signedInPage(browser, baseUrl, people[role], undefined, ANIMATED);
    await shoot(page, name, path, ready);
  });

  it('auditor: the audit under way', async () => {
    const page = await signedInPage(browser, baseUrl, people.auditor, undefined, ANIMATED);
    await shoot(page, 'danh-gia-noi-bo', `/audits/${auditId}`, 'Đánh giá nội bộ đợt 2 năm 2026');
  });

  it('admin: agencies', async () => {
    const page = await signedInPage(browser, baseUrl, { username: 'admin' }, ADMIN_PASSWORD, ANIMATED);
    await shoot(page, 'quan-tri', '/agencies', 'Sở Tư pháp tỉnh Kon Tum');
  });
});
