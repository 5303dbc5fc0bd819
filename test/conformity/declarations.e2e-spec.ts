import { createHash } from 'node:crypto';
import { Role } from '@eiso/common';
import { extractPdfText } from '@eiso/pdf/testing';
import { apiAs } from '../support/api-as';
import { bringToReadiness } from '../support/conformity-flow';
import { FixedClock } from '../support/fixed-clock';
import { buildReviewYear, newReviewPeople, noonVn, ReviewPeople, ReviewYear } from '../support/review-data';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

interface Declaration {
  id: string;
  agencyId: string;
  agencyName: string;
  kind: string;
  state: string;
  stateLabel: string;
  number: string | null;
  decisionDate: string | null;
  tthcCodes: string[];
  legalBases: string[];
  procedures: { documentId: string; versionId: string; code: string; title: string }[];
  superseded: boolean;
  supersedes: { id: string; number: string | null } | null;
  supersededBy: { id: string; number: string | null } | null;
  signature: { signerId: string; signerName: string; contentHash: string } | null;
  pdf: { size: number; sha256: string } | null;
  version: number;
}

/**
 * The conformity declaration (DESIGN §8) from draft to Sở KH&CN's acknowledgement, on an agency
 * with a year of real quality data: refused while not ready (naming what is missing, nothing
 * signed), signed once ready (the decision PDF in the official layout, its sha256 kept), submitted
 * to the overseer, acknowledged, then replaced by a redeclaration. Drafts stay inside the agency.
 */
describe('conformity declarations', () => {
  const clock = new FixedClock(new Date(noonVn('2026-01-05')));
  let ctx: TestContext;
  let a: ReviewPeople;
  let b: ReviewPeople;
  let data: ReviewYear;
  let overseer: TestUser;
  let staff: TestUser;
  let first: Declaration;
  const SCOPE = ['1.000948', '2.000123'];
  const base = '/conformity/declarations';

  const expectError = (
    res: { status: number; body: { code?: string; message?: unknown } },
    status: number,
    code: string,
  ) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(typeof res.body.message).toBe('string');
  };
  const get = async (user: TestUser, id: string) => {
    const res = await apiAs(ctx, user).get(`${base}/${id}`);
    expect(res.status).toBe(200);
    return res.body as Declaration;
  };
  const pdfText = async (user: TestUser, id: string, query = '') => {
    const res = await apiAs(ctx, user).binary(`${base}/${id}/pdf${query}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const lines = (await extractPdfText(res.body as Buffer, { layout: true }))
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    return { lines, text: lines.join(' '), bytes: res.body as Buffer };
  };

  beforeAll(async () => {
    ctx = await createTestContext({}, { clock });
    a = await newReviewPeople(ctx, 'Sở Tư pháp', 'STP');
    b = await newReviewPeople(ctx, 'Sở Y tế', 'SYT', 'Gia Lai');
    const dost = await ctx.newAgency({ name: 'Sở Khoa học và Công nghệ', abbreviation: 'SKHCN' });
    overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId: dost.id, fullName: 'Đặng Văn Khoa' });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId: a.agencyId });
    data = await buildReviewYear(ctx, clock, a, 2026);
    clock.set(noonVn('2027-01-10'));
  }, 300_000);
  afterAll(() => ctx?.close());

  it('the ISO secretary drafts it; the draft stays inside the agency', async () => {
    const created = await apiAs(ctx, a.secretary).post(base, {
      tthcCodes: ['2.000123', '1.000948', '1.000948'],
    });
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
    first = created.body as Declaration;
    expect(first).toMatchObject({
      agencyId: a.agencyId,
      agencyName: 'Sở Tư pháp',
      kind: 'initial',
      state: 'draft',
      stateLabel: 'Dự thảo',
      number: null,
      decisionDate: null,
      tthcCodes: SCOPE,
      procedures: [],
      signature: null,
      pdf: null,
    });
    expect(first.legalBases).toHaveLength(2);
    expect(first.legalBases[0]).toMatch(/^Quyết định số 19\/2014\/QĐ-TTg/);
    expect(first.legalBases[1]).toMatch(/^Thông tư số 26\/2014\/TT-BKHCN/);

    // One draft at a time; no redeclaration before a declaration; bad input is a 400.
    expectError(await apiAs(ctx, a.secretary).post(base, {}), 409, 'CONFORMITY_DECLARATION_DRAFT_EXISTS');
    expectError(
      await apiAs(ctx, b.secretary).post(base, { kind: 'redeclaration' }),
      422,
      'CONFORMITY_DECLARATION_KIND_INVALID',
    );
    for (const body of [
      { tthcCodes: ['mã sai!'] },
      { legalBases: ['  '] },
      { kind: 'khac' },
      { legalBases: 'x' },
    ]) {
      expectError(await apiAs(ctx, b.secretary).post(base, body), 400, 'VALIDATION_FAILED');
    }

    // The secretary edits the draft with If-Match; the head cannot draft.
    const edited = await apiAs(ctx, a.secretary).patch(
      `${base}/${first.id}`,
      {
        legalBases: [
          ...first.legalBases,
          'Quyết định số 474/QĐ-UBND ngày 15 tháng 6 năm 2020 của UBND tỉnh Kon Tum',
        ],
      },
      `"${first.version}"`,
    );
    expect(edited.status).toBe(200);
    first = edited.body as Declaration;
    expect(first.legalBases).toHaveLength(3);
    expect((await apiAs(ctx, a.chair).post(base, {})).status).toBe(403);

    // Nobody outside the agency sees the draft, nor a member without the permission.
    for (const user of [b.secretary, b.chair, overseer]) {
      expectError(await apiAs(ctx, user).get(`${base}/${first.id}`), 404, 'CONFORMITY_DECLARATION_NOT_FOUND');
      expectError(
        await apiAs(ctx, user).get(`${base}/${first.id}/pdf?draft=true`),
        404,
        'CONFORMITY_DECLARATION_NOT_FOUND',
      );
      const list = await apiAs(ctx, user).get(base);
      expect(JSON.stringify(list.body)).not.toContain(first.id);
    }
    expect((await apiAs(ctx, staff).get(`${base}/${first.id}`)).status).toBe(403);
    const trail = await apiAs(ctx, b.secretary).get(
      `/audit-events?entityType=conformity_declaration&entityId=${first.id}`,
    );
    expect(trail.body.items ?? []).toEqual([]);

    // The draft reads as it would be signed today, marked; there is no signed PDF yet.
    const draft = await pdfText(a.chair, first.id, '?draft=true');
    expect(draft.text).toContain('DỰ THẢO');
    expect(draft.text).toContain('(chưa ký)');
    expect(draft.text).not.toContain('Số: ');
    expectError(
      await apiAs(ctx, a.chair).get(`${base}/${first.id}/pdf`),
      409,
      'CONFORMITY_DECLARATION_PDF_UNAVAILABLE',
    );
  });

  it('signing while not ready is refused, names what is missing, and changes nothing', async () => {
    expect(
      (await apiAs(ctx, a.secretary).post(`${base}/${first.id}/sign`, { password: USER_PASSWORD })).status,
    ).toBe(403);
    const before = await get(a.chair, first.id);
    const res = await apiAs(ctx, a.chair).post(`${base}/${first.id}/sign`, { password: USER_PASSWORD });
    expectError(res, 422, 'CONFORMITY_NOT_READY');
    expect(res.body.message).toMatch(/^Chưa đủ điều kiện công bố; chưa có gì được ký\. Còn thiếu: /);
    expect(res.body.message).toContain('Chưa đặt mục tiêu chất lượng nào cho năm 2027');
    expect(res.body.details.missing.map((m: { code: string }) => m.code)).toEqual([
      'objectives',
      'procedures',
      'internal_audit',
      'management_review',
      'major_nonconformities',
    ]);
    const procedures = res.body.details.missing.find((m: { code: string }) => m.code === 'procedures');
    expect(procedures.items).toEqual(SCOPE.map((code): unknown => expect.stringContaining(code)));
    // A wrong password is not even asked for: readiness comes first, nothing is counted.
    expectError(
      await apiAs(ctx, a.chair).post(`${base}/${first.id}/sign`, { password: 'sai-mat-khau' }),
      422,
      'CONFORMITY_NOT_READY',
    );
    const after = await get(a.chair, first.id);
    expect(after).toEqual(before);
    const trail = await apiAs(ctx, a.secretary).get(
      `/audit-events?entityType=conformity_declaration&entityId=${first.id}`,
    );
    expect(trail.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'conformity_declaration.created',
      'conformity_declaration.updated',
    ]);
  });

  it('once ready, the head signs: number, date, frozen scope, the decision PDF in the official layout', async () => {
    const { procedureId } = await bringToReadiness(ctx, clock, a, data, {
      on: '2027-04-20',
      tthcCodes: SCOPE,
    });
    expectError(
      await apiAs(ctx, a.chair).post(`${base}/${first.id}/sign`, { password: 'sai-mat-khau' }),
      403,
      'SIGNATURE_PASSWORD_INVALID',
    );
    expect((await get(a.chair, first.id)).state).toBe('draft');

    const signed = await apiAs(ctx, a.chair).post(`${base}/${first.id}/sign`, { password: USER_PASSWORD });
    expect(signed.status).toBe(200);
    first = signed.body as Declaration;
    expect(first).toMatchObject({
      state: 'signed',
      number: '01/QĐ-STP',
      decisionDate: '2027-04-20',
      tthcCodes: SCOPE,
      signature: { signerId: a.chair.id, signerName: 'Trần Quốc Hùng' },
    });
    expect(first.procedures).toEqual([
      expect.objectContaining({
        documentId: procedureId,
        code: 'QT-TTHC-01',
        title: 'Quy trình cấp Phiếu lý lịch tư pháp',
      }),
    ]);
    expectError(
      await apiAs(ctx, a.chair).post(`${base}/${first.id}/sign`, { password: USER_PASSWORD }),
      409,
      'CONFORMITY_DECLARATION_STATE_INVALID',
    );
    expectError(
      await apiAs(ctx, a.secretary).patch(
        `${base}/${first.id}`,
        { tthcCodes: ['1.000948'] },
        `"${first.version}"`,
      ),
      409,
      'CONFORMITY_DECLARATION_STATE_INVALID',
    );
    expectError(
      await apiAs(ctx, a.secretary).del(`${base}/${first.id}`),
      409,
      'CONFORMITY_DECLARATION_STATE_INVALID',
    );

    const { lines, text, bytes } = await pdfText(a.secretary, first.id);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(first.pdf!.sha256);
    expect(lines.slice(0, 6)).toEqual([
      'UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc',
      'Số: 01/QĐ-STP Kon Tum, ngày 20 tháng 4 năm 2027',
      'QUYẾT ĐỊNH',
      'Về việc công bố Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015',
      'GIÁM ĐỐC SỞ TƯ PHÁP',
    ]);
    for (const phrase of [
      'Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05 tháng 3 năm 2014 của Thủ tướng Chính phủ',
      'Căn cứ Thông tư số 26/2014/TT-BKHCN',
      'Căn cứ Quyết định số 474/QĐ-UBND ngày 15 tháng 6 năm 2020 của UBND tỉnh Kon Tum;',
      'Xét đề nghị của Thư ký ISO,',
      'QUYẾT ĐỊNH:',
      'Điều 1. Công bố Hệ thống quản lý chất lượng của Sở Tư pháp phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
      'Điều 3. Thư ký ISO, Thủ trưởng các phòng, đơn vị thuộc Sở Tư pháp',
      'Nơi nhận:',
      'Sở Khoa học và Công nghệ (để theo dõi);',
      'Trần Quốc Hùng',
      'PHỤ LỤC',
      '(Kèm theo Quyết định số 01/QĐ-STP ngày 20/04/2027 của Sở Tư pháp)',
      '1. 1.000948: QT-TTHC-01 — Quy trình cấp Phiếu lý lịch tư pháp',
      '2. 2.000123: QT-TTHC-01 — Quy trình cấp Phiếu lý lịch tư pháp',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).toContain(first.signature!.contentHash);
    expect(text).not.toContain('DỰ THẢO');
  });

  it('the secretary submits it; the overseer sees it, reads the PDF and acknowledges it', async () => {
    expectError(
      await apiAs(ctx, overseer).post(`${base}/${first.id}/acknowledge`),
      409,
      'CONFORMITY_DECLARATION_STATE_INVALID',
    );
    expect((await apiAs(ctx, a.chair).post(`${base}/${first.id}/submit`)).status).toBe(403);
    const submitted = await apiAs(ctx, a.secretary).post(`${base}/${first.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', stateLabel: 'Đã gửi Sở KH&CN' });

    const inbox = await apiAs(ctx, overseer).get('/notifications?pageSize=100');
    expect(inbox.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'conformity_declaration.submitted',
        title: 'Sở Tư pháp gửi quyết định công bố HTQLCL',
        link: `/conformity/declarations/${first.id}`,
      }),
    );
    const list = await apiAs(ctx, overseer).get(`${base}?agencyId=${a.agencyId}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: first.id,
        agencyName: 'Sở Tư pháp',
        number: '01/QĐ-STP',
        state: 'submitted',
      }),
    ]);
    expect((await get(overseer, first.id)).signature!.signerName).toBe('Trần Quốc Hùng');
    expect((await pdfText(overseer, first.id)).text).toContain('Số: 01/QĐ-STP');
    // The overseer reads declarations, not the agency's trail of preparing them.
    const trail = await apiAs(ctx, overseer).get(
      `/audit-events?entityType=conformity_declaration&entityId=${first.id}`,
    );
    expect(trail.body.items ?? []).toEqual([]);

    expect((await apiAs(ctx, a.secretary).post(`${base}/${first.id}/acknowledge`)).status).toBe(403);
    const acknowledged = await apiAs(ctx, overseer).post(`${base}/${first.id}/acknowledge`);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'Đặng Văn Khoa' });
    const secretaryInbox = await apiAs(ctx, a.secretary).get('/notifications?pageSize=100');
    expect(secretaryInbox.body.items).toContainEqual(
      expect.objectContaining({ kind: 'conformity_declaration.acknowledged' }),
    );
    expectError(
      await apiAs(ctx, overseer).post(`${base}/${first.id}/acknowledge`),
      409,
      'CONFORMITY_DECLARATION_STATE_INVALID',
    );
    // Another agency's head cannot touch it.
    expectError(
      await apiAs(ctx, b.chair).post(`${base}/${first.id}/sign`, { password: USER_PASSWORD }),
      404,
      'CONFORMITY_DECLARATION_NOT_FOUND',
    );
  });

  it('a change of scope needs a redeclaration, which replaces the decision in force', async () => {
    expectError(
      await apiAs(ctx, a.secretary).post(base, { kind: 'initial' }),
      422,
      'CONFORMITY_DECLARATION_KIND_INVALID',
    );
    const created = await apiAs(ctx, a.secretary).post(base, { tthcCodes: ['1.000948'] });
    expect(created.status).toBe(201);
    const draft = created.body as Declaration;
    expect(draft).toMatchObject({ kind: 'redeclaration', supersedes: { id: first.id, number: '01/QĐ-STP' } });

    clock.set(noonVn('2027-05-04'));
    const signed = await apiAs(ctx, a.chair).post(`${base}/${draft.id}/sign`, { password: USER_PASSWORD });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      number: '02/QĐ-STP',
      decisionDate: '2027-05-04',
      kind: 'redeclaration',
    });
    expect(await get(a.secretary, first.id)).toMatchObject({
      superseded: true,
      supersededBy: { id: draft.id, number: '02/QĐ-STP' },
    });
    const { text } = await pdfText(a.secretary, draft.id);
    expect(text).toContain('Về việc công bố lại Hệ thống quản lý chất lượng');
    expect(text).toContain('Điều 1. Công bố lại Hệ thống quản lý chất lượng của Sở Tư pháp');
    expect(text).toContain('Quyết định này thay thế Quyết định số 01/QĐ-STP ngày 20/04/2027.');

    // A discarded draft leaves no row; the trail keeps that it was.
    const third = await apiAs(ctx, a.secretary).post(base, {});
    expect(third.status).toBe(201);
    expect((await apiAs(ctx, a.secretary).del(`${base}/${third.body.id}`)).status).toBe(204);
    expectError(
      await apiAs(ctx, a.secretary).get(`${base}/${third.body.id}`),
      404,
      'CONFORMITY_DECLARATION_NOT_FOUND',
    );
    const mine = await apiAs(ctx, a.secretary).get(base);
    expect(mine.body.items.map((d: Declaration) => d.number)).toEqual(['02/QĐ-STP', '01/QĐ-STP']);
  });

  it('uq_conformity_declaration_draft: ten drafts started at once make one', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => apiAs(ctx, b.secretary).post(base, { tthcCodes: ['1.000948'] })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array.from({ length: 9 }, () => 409)]);
    for (const r of responses.filter((x) => x.status === 409)) {
      expect(r.body.code).toBe('CONFORMITY_DECLARATION_DRAFT_EXISTS');
    }
    const drafts = await ctx.sql(
      `SELECT id FROM conformity_declaration WHERE agency_id = $1 AND state = 'draft'`,
      [b.agencyId],
    );
    expect(drafts).toHaveLength(1);
  });
});
