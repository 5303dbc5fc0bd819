import { Workbook } from 'exceljs';
import { Role, todayInVietnam } from '@eiso/common';
import { placeDateLine } from '@eiso/pdf';
import { extractPdfText } from '@eiso/pdf/testing';
import { createTestContext, TestAgency, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { binaryParser, samplePdf, sha256 } from '../support/files';

interface Version {
  id: string;
  state: string;
  revision: number;
  issueNumber: number | null;
  files: { id: string; kind: string; sha256: string; size: number }[];
  signatures: { meaning: string; signerName: string; contentHash: string }[];
}

/**
 * The whole life of two versions of one procedure, with a real PDF: create → upload → submit →
 * review → approve → issue → acknowledge → new version → … → issue (v1 superseded) → withdraw.
 */
describe('document control: a procedure from draft to controlled copy', () => {
  let ctx: TestContext;
  let agency: TestAgency;
  let unit: { id: string; name: string };
  let drafter: TestUser;
  let reviewer: TestUser;
  let approver: TestUser;
  let secretary: TestUser;
  let staff: TestUser;
  let colleague: TestUser;
  let documentId: string;
  let v1: Version;
  let v2: Version;
  const pdf1 = samplePdf('QT-HT-01 ban 1');
  const pdf2 = samplePdf('QT-HT-01 ban 2', 3);

  const api = (user: TestUser) => ({
    get: (path: string) => ctx.http().get(`/api/v1${path}`).set('Authorization', user.auth),
    post: (path: string, body: object = {}) =>
      ctx.http().post(`/api/v1${path}`).set('Authorization', user.auth).send(body),
    patch: (path: string, body: object, etag: string) =>
      ctx.http().patch(`/api/v1${path}`).set('Authorization', user.auth).set('If-Match', etag).send(body),
    del: (path: string) => ctx.http().delete(`/api/v1${path}`).set('Authorization', user.auth),
    upload: (path: string, kind: string, name: string, bytes: Buffer) =>
      ctx
        .http()
        .post(`/api/v1${path}`)
        .set('Authorization', user.auth)
        .field('kind', kind)
        .attach('file', bytes, name),
    binary: (path: string) =>
      ctx.http().get(`/api/v1${path}`).set('Authorization', user.auth).buffer(true).parse(binaryParser),
  });
  const vpath = (vid: string) => `/documents/${documentId}/versions/${vid}`;
  const actions = async (entityId: string) =>
    (
      await ctx.sql<{ action: string }>(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq`, [
        entityId,
      ])
    ).map((e) => e.action);
  const inbox = async (user: TestUser) =>
    (await api(user).get('/notifications?pageSize=100')).body.items as { kind: string; title: string }[];

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true });
    const province = await ctx.newAgency({
      name: 'Ủy ban nhân dân tỉnh Kon Tum',
      level: 'province',
      place: 'Kon Tum',
    });
    agency = await ctx.newAgency({
      name: 'Sở Khoa học và Công nghệ tỉnh Kon Tum',
      parentId: province.id,
      abbreviation: 'SKHCN',
    });
    unit = await ctx.newOrgUnit(agency.id, 'Phòng Quản lý chuyên ngành');
    drafter = await ctx.newUser({
      roles: [Role.Drafter],
      agencyId: agency.id,
      fullName: 'Nguyễn Thị Hường',
      position: 'Chuyên viên',
    });
    reviewer = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId: agency.id,
      fullName: 'Trần Văn Đức',
      position: 'Trưởng phòng',
      orgUnitId: unit.id,
    });
    approver = await ctx.newUser({
      roles: [Role.Approver],
      agencyId: agency.id,
      fullName: 'Lê Quốc Việt',
      position: 'Giám đốc Sở',
    });
    secretary = await ctx.newUser({
      roles: [Role.IsoSecretary],
      agencyId: agency.id,
      fullName: 'Phạm Thu Trang',
      position: 'Thư ký ISO',
    });
    staff = await ctx.newUser({
      roles: [Role.Staff],
      agencyId: agency.id,
      fullName: 'Đỗ Minh Khôi',
      orgUnitId: unit.id,
    });
    colleague = await ctx.newUser({
      roles: [Role.Staff],
      agencyId: agency.id,
      fullName: 'Vũ Hải Yến',
      orgUnitId: unit.id,
    });
  });
  afterAll(() => ctx.close());

  it('creates the procedure with its first draft', async () => {
    const res = await api(drafter).post('/documents', {
      code: 'QT-HT-01',
      title: 'Quy trình kiểm soát thông tin dạng văn bản',
      type: 'procedure',
      ownerOrgUnitId: unit.id,
      isoClauses: ['7.5'],
      tthcCodes: ['1.000948'],
      distribution: { orgUnitIds: [unit.id] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: 'QT-HT-01',
      typeLabel: 'Quy trình',
      issueCount: 0,
      currentVersion: { revision: 1, state: 'draft' },
    });
    documentId = res.body.id;
    v1 = (await api(drafter).get(`/documents/${documentId}/versions`)).body[0];
    const dup = await api(drafter).post('/documents', {
      code: 'qt-ht-01',
      title: 'Trùng mã hiệu',
      type: 'form',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DOCUMENT_CODE_TAKEN');
  });

  it('streams the primary PDF and an attachment in, and returns the same bytes', async () => {
    const bytes = await pdf1;
    const up = await api(drafter).upload(
      `${vpath(v1.id)}/files`,
      'primary',
      'Quy trình kiểm soát tài liệu.pdf',
      bytes,
    );
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      kind: 'primary',
      name: 'Quy trình kiểm soát tài liệu.pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      mediaType: 'application/pdf',
    });
    const second = await api(drafter).upload(`${vpath(v1.id)}/files`, 'primary', 'khac.pdf', bytes);
    expect(second.status).toBe(409);

    const down = await api(drafter).binary(`${vpath(v1.id)}/files/${up.body.id}`);
    expect(down.status).toBe(200);
    expect(sha256(down.body as Buffer)).toBe(sha256(bytes));
    expect(down.headers['content-type']).toContain('application/pdf');
    expect(down.headers['content-length']).toBe(String(bytes.length));
    expect(down.headers.etag).toBe(`"${sha256(bytes)}"`);
    expect(down.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Quy trình kiểm soát tài liệu.pdf')}`,
    );
  });

  it('submits for review; the reviewer of the owner unit is told', async () => {
    const res = await api(drafter).post(`${vpath(v1.id)}/submit`);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('in_review');
    const edit = await api(drafter).patch(vpath(v1.id), { changeSummary: 'muộn' }, `"${res.body.version}"`);
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('DOCUMENT_VERSION_NOT_EDITABLE');
    expect((await inbox(reviewer)).map((n) => n.kind)).toContain('document.submitted');
  });

  it('refuses staff reviewing, and a wrong password on approval changes nothing', async () => {
    expect((await api(staff).post(`${vpath(v1.id)}/review`, { decision: 'approve' })).status).toBe(403);
    const reviewed = await api(reviewer).post(`${vpath(v1.id)}/review`, {
      decision: 'approve',
      comment: 'Đạt yêu cầu',
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.state).toBe('awaiting_approval');
    expect((await inbox(approver)).map((n) => n.kind)).toContain('document.reviewed');

    const wrong = await api(approver).post(`${vpath(v1.id)}/approve`, { password: 'sai-mat-khau' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('SIGNATURE_PASSWORD_INVALID');
    expect((await api(approver).get(vpath(v1.id))).body.state).toBe('awaiting_approval');
  });

  it('approves with a signature that records who, as what, when and a hash', async () => {
    const res = await api(approver).post(`${vpath(v1.id)}/approve`, {
      password: USER_PASSWORD,
      comment: 'Đồng ý ban hành',
    });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('approved');
    const approval = (res.body.signatures as Version['signatures']).find((s) => s.meaning === 'approve');
    expect(approval).toMatchObject({
      signerName: 'Lê Quốc Việt',
      meaningLabel: 'Phê duyệt',
      signerPosition: 'Giám đốc Sở',
    });
    expect(approval?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('issues v1: effective, issue number 1, the distribution list notified, a controlled copy rendered', async () => {
    const res = await api(secretary).post(`${vpath(v1.id)}/issue`, {
      password: USER_PASSWORD,
      effectiveFrom: '2026-12-01',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'effective', issueNumber: 1, effectiveFrom: '2026-12-01' });
    const doc = (await api(staff).get(`/documents/${documentId}`)).body;
    expect(doc).toMatchObject({ issueCount: 1, effectiveVersionId: v1.id, nextReviewDate: '2027-12-01' });
    expect((await inbox(staff)).map((n) => n.title)).toContain('Ban hành QT-HT-01 lần 01');
    expect((await inbox(colleague)).map((n) => n.kind)).toContain('document.issued');

    await waitForQueuesToDrain(ctx.worker!, 30_000);
    const [stored] = await ctx.sql<{ controlled_copy_key: string | null; controlled_copy_state: string }>(
      `SELECT controlled_copy_key, controlled_copy_state FROM document_version WHERE id = $1`,
      [v1.id],
    );
    expect(stored.controlled_copy_key).toBeTruthy();
    expect(stored.controlled_copy_state).toBe('effective');

    const copy = await api(staff).binary(`${vpath(v1.id)}/controlled-copy`);
    expect(copy.status).toBe(200);
    const text = await extractPdfText(copy.body as Buffer);
    for (const expected of [
      'QT-HT-01 ban 1 - noi dung trang 1',
      'Mã hiệu: QT-HT-01',
      'Lần ban hành: 01',
      'Ngày hiệu lực: 01/12/2026',
      'BẢN CÓ KIỂM SOÁT',
      'Trang 1/3',
      'Nguyễn Thị Hường',
      'Trần Văn Đức',
      'Lê Quốc Việt',
    ]) {
      expect(text).toContain(expected);
    }
    // The signature page in the official layout: the province over the agency, the quốc hiệu, the
    // place and the day of issue, then a signature block per step.
    const signaturePage = (
      await extractPdfText(copy.body as Buffer, { layout: true, firstPage: 3, lastPage: 3 })
    )
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim());
    expect(signaturePage[1]).toBe('UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(signaturePage).toContain(placeDateLine('Kon Tum', todayInVietnam(new Date())));
    expect(signaturePage).toContain('TRANG KÝ DUYỆT');
    const steps = signaturePage.indexOf('SOẠN THẢO XEM XÉT PHÊ DUYỆT');
    expect(signaturePage[steps + 1]).toBe('CHUYÊN VIÊN TRƯỞNG PHÒNG GIÁM ĐỐC SỞ');
    expect(signaturePage[steps + 3]).toBe('Nguyễn Thị Hường Trần Văn Đức Lê Quốc Việt');
    const blocks = (await extractPdfText(copy.body as Buffer, { firstPage: 3, lastPage: 3 })).replace(
      /\s+/g,
      ' ',
    );
    expect(blocks).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH KON TUM');
  });

  it('records "đã đọc và hiểu" once, and shows who on the list has not', async () => {
    const ack = await api(staff).post(`${vpath(v1.id)}/acknowledgements`);
    expect(ack.status).toBe(201);
    expect((await api(staff).post(`${vpath(v1.id)}/acknowledgements`)).status).toBe(409);
    const report = await api(secretary).get(`${vpath(v1.id)}/acknowledgements`);
    expect(report.status).toBe(200);
    expect(report.body.acknowledged.map((a: { fullName: string }) => a.fullName)).toEqual(['Đỗ Minh Khôi']);
    expect(report.body.pending.map((p: { fullName: string }) => p.fullName).sort()).toEqual([
      'Trần Văn Đức',
      'Vũ Hải Yến',
    ]);
    expect((await api(staff).get(`${vpath(v1.id)}/acknowledgements`)).status).toBe(403);
  });

  it('starts v2 from the effective version, files copied by reference, one draft at a time', async () => {
    const objectsBefore = await ctx.sql<{ n: number }>(
      `SELECT count(DISTINCT storage_key)::int AS n FROM attachment`,
    );
    const res = await api(drafter).post(`/documents/${documentId}/versions`);
    expect(res.status).toBe(201);
    v2 = res.body;
    expect(v2).toMatchObject({ revision: 2, state: 'draft', issueNumber: null });
    expect(v2.files.map((f) => f.sha256)).toEqual([sha256(await pdf1)]);
    const objectsAfter = await ctx.sql<{ n: number }>(
      `SELECT count(DISTINCT storage_key)::int AS n FROM attachment`,
    );
    expect(objectsAfter[0].n).toBe(objectsBefore[0].n);
    const again = await api(drafter).post(`/documents/${documentId}/versions`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DOCUMENT_VERSION_IN_FLIGHT');
    // Staff still see only the issued version.
    expect(
      (await api(staff).get(`/documents/${documentId}/versions`)).body.map((v: Version) => v.id),
    ).toEqual([v1.id]);
    expect((await api(staff).get(vpath(v2.id))).status).toBe(404);
  });

  it('edits the draft under If-Match and replaces its primary file', async () => {
    const current = await api(drafter).get(vpath(v2.id));
    const etag = current.headers.etag;
    const ok = await api(drafter).patch(
      vpath(v2.id),
      { changeSummary: 'Bổ sung bước kiểm tra hồ sơ điện tử' },
      etag,
    );
    expect(ok.status).toBe(200);
    const stale = await api(drafter).patch(vpath(v2.id), { changeSummary: 'ghi đè' }, etag);
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');

    const old = v2.files[0];
    expect((await api(drafter).del(`${vpath(v2.id)}/files/${old.id}`)).status).toBe(204);
    // v1 still holds the same object: its bytes are still served.
    const v1File = (await api(staff).get(vpath(v1.id))).body.files[0];
    expect(sha256((await api(staff).binary(`${vpath(v1.id)}/files/${v1File.id}`)).body as Buffer)).toBe(
      old.sha256,
    );

    const bytes = await pdf2;
    const up = await api(drafter).upload(`${vpath(v2.id)}/files`, 'primary', 'QT-HT-01 sửa đổi.pdf', bytes);
    expect(up.status).toBe(201);
    expect(up.body.sha256).toBe(sha256(bytes));
  });

  it('takes v2 through review and approval to issue; v1 is superseded in the same step', async () => {
    expect((await api(drafter).post(`${vpath(v2.id)}/submit`)).body.state).toBe('in_review');
    const returned = await api(reviewer).post(`${vpath(v2.id)}/review`, {
      decision: 'return',
      comment: 'Bổ sung biểu mẫu BM-01',
    });
    expect(returned.body.state).toBe('draft');
    expect(returned.body.comments.map((c: { body: string }) => c.body)).toContain('Bổ sung biểu mẫu BM-01');
    expect((await inbox(drafter)).map((n) => n.kind)).toContain('document.returned');
    await api(drafter).post(`${vpath(v2.id)}/submit`);
    await api(reviewer).post(`${vpath(v2.id)}/review`, { decision: 'approve' });
    expect(
      (await api(approver).post(`${vpath(v2.id)}/approve`, { password: USER_PASSWORD })).body.state,
    ).toBe('approved');
    const issued = await api(secretary).post(`${vpath(v2.id)}/issue`, {
      password: USER_PASSWORD,
      effectiveFrom: '2026-12-01',
    });
    expect(issued.body).toMatchObject({ state: 'effective', issueNumber: 2 });
    const versions = (await api(staff).get(`/documents/${documentId}/versions`)).body as Version[];
    expect(versions.map((v) => [v.revision, v.state])).toEqual([
      [2, 'effective'],
      [1, 'superseded'],
    ]);

    await waitForQueuesToDrain(ctx.worker!, 30_000);
    const oldCopy = await extractPdfText(
      (await api(staff).binary(`${vpath(v1.id)}/controlled-copy`)).body as Buffer,
    );
    expect(oldCopy).toContain('HẾT HIỆU LỰC');
    expect(oldCopy).not.toContain('BẢN CÓ KIỂM SOÁT');
    const newCopy = await extractPdfText(
      (await api(staff).binary(`${vpath(v2.id)}/controlled-copy`)).body as Buffer,
    );
    expect(newCopy).toContain('Lần ban hành: 02');
    expect(newCopy).toContain('Trang 4/4');
  });

  it('derives the revision table and the internal register', async () => {
    const history = await api(staff).get(`/documents/${documentId}/revision-history`);
    expect(
      history.body.map((h: { issueNumber: number; changeSummary: string }) => [
        h.issueNumber,
        h.changeSummary,
      ]),
    ).toEqual([
      [1, 'Ban hành lần đầu'],
      [2, 'Bổ sung bước kiểm tra hồ sơ điện tử'],
    ]);
    // Submitted twice: the first submission was returned at review.
    expect(history.body[1].signers.map((s: { meaning: string }) => s.meaning)).toEqual([
      'submit',
      'submit',
      'review',
      'approve',
      'issue',
    ]);

    const json = await api(staff).get('/registers/internal-documents');
    expect(json.body.items).toEqual([
      expect.objectContaining({
        code: 'QT-HT-01',
        issueNumber: 2,
        effectiveFrom: '2026-12-01',
        ownerOrgUnit: unit.name,
      }),
    ]);
    const xlsx = await api(staff).binary('/registers/internal-documents?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
    const cells = workbook.worksheets[0]
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    expect(cells).toEqual(
      expect.arrayContaining([
        'DANH MỤC TÀI LIỆU NỘI BỘ',
        'Mã hiệu',
        'Tên tài liệu',
        'QT-HT-01',
        'Quy trình kiểm soát thông tin dạng văn bản',
      ]),
    );
    const pdf = await extractPdfText(
      (await api(staff).binary('/registers/internal-documents?format=pdf')).body as Buffer,
    );
    expect(pdf).toContain('DANH MỤC TÀI LIỆU NỘI BỘ');
    expect(pdf).toContain('Quy trình kiểm soát thông tin dạng văn bản');
    expect((await api(staff).get('/registers/external-documents')).body.items).toEqual([]);
  });

  it('withdraws the document: obsolete, off the register, history kept, all on the audit trail', async () => {
    const res = await api(approver).post(`/documents/${documentId}/withdraw`, {
      password: USER_PASSWORD,
      reason: 'Thay thế bởi quy trình liên thông',
    });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('obsolete');
    expect((await api(staff).get(`/documents/${documentId}`)).body).toMatchObject({
      status: 'obsolete',
      effectiveVersionId: null,
    });
    expect((await api(staff).get('/registers/internal-documents')).body.items).toEqual([]);
    expect((await api(staff).post(`${vpath(v2.id)}/acknowledgements`)).body.code).toBe(
      'DOCUMENT_NOT_EFFECTIVE',
    );

    expect(await actions(v1.id)).toEqual([
      'document_version.created',
      'document_file.uploaded',
      'document_version.submitted',
      'document_version.reviewed',
      'document_version.approved',
      'document_version.issued',
      'document_version.acknowledged',
      'document_version.superseded',
    ]);
    expect(await actions(v2.id)).toEqual([
      'document_version.created',
      'document_version.edited',
      'document_file.deleted',
      'document_file.uploaded',
      'document_version.submitted',
      'document_version.review_returned',
      'document_version.submitted',
      'document_version.reviewed',
      'document_version.approved',
      'document_version.issued',
      'document.withdrawn',
    ]);
    const verify = await ctx.http().get('/api/v1/audit-events/verify').set('Authorization', ctx.admin.auth);
    expect(verify.body.ok).toBe(true);
  });
});
