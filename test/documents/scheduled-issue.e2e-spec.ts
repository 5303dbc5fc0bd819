import { JobName, Role } from '@eiso/common';
import { extractPdfText } from '@eiso/pdf/testing';
import { JobHandlerRegistry } from '@eiso/queue';
import { FixedClock } from '../support/fixed-clock';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { apiAs } from '../support/api-as';
import { auditActions } from '../support/audit-actions';
import {
  approvedVersion,
  newDocument as createDocument,
  newRevision as createRevision,
  issueVersion,
} from '../support/document-flow';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

interface VersionBody {
  id: string;
  state: string;
  issueNumber: number | null;
  effectiveFrom: string | null;
}

/**
 * Issuing with a future effective date (ISO 9001 §7.5.3: the version in force stays available
 * where it is used): the version waits in `scheduled`, the one in force stays effective, and the
 * daily `documents.activate-scheduled` job brings it into force on its date.
 */
describe('document control: versions issued for a later date', () => {
  // 09:00 on 01/12/2026 in Vietnam.
  const clock = new FixedClock(new Date('2026-12-01T02:00:00Z'));
  let ctx: TestContext;
  let drafter: TestUser;
  let reviewer: TestUser;
  let approver: TestUser;
  let secretary: TestUser;
  let staff: TestUser;
  let unitId: string;

  const api = (user: TestUser) => apiAs(ctx, user);
  const runActivation = () =>
    ctx
      .worker!.get(JobHandlerRegistry)
      .dispatch(JobName.DocumentsActivateScheduled, {}, { jobId: `test-${Date.now()}`, attempt: 1 });
  const copyText = async (documentId: string, versionId: string): Promise<string> => {
    await waitForQueuesToDrain(ctx.worker!, 30_000);
    const res = await api(staff).binary(`/documents/${documentId}/versions/${versionId}/controlled-copy`);
    expect(res.status).toBe(200);
    return extractPdfText(res.body as Buffer);
  };
  const inboxKinds = async (user: TestUser, entityId: string) =>
    (
      (await api(user).get('/notifications?pageSize=100')).body.items as {
        kind: string;
        entityId: string;
      }[]
    )
      .filter((n) => n.entityId === entityId)
      .map((n) => n.kind);
  const actions = (entityId: string) => auditActions(ctx, entityId);

  const circle = () => ({ drafter, reviewer, approver, secretary, unitId });
  const approveVersion = (documentId: string, versionId: string, label: string): Promise<void> =>
    approvedVersion(ctx, circle(), { id: documentId, versionId }, label);
  const issue = (documentId: string, versionId: string, effectiveFrom?: string) =>
    issueVersion(ctx, circle(), { id: documentId, versionId }, effectiveFrom);
  const newDocument = async (code: string): Promise<{ id: string; v1: string }> => {
    const doc = await createDocument(ctx, circle(), code, { distribution: { orgUnitIds: [unitId] } });
    return { id: doc.id, v1: doc.versionId };
  };
  const newRevision = (documentId: string, title?: string): Promise<string> =>
    createRevision(ctx, drafter, documentId, title);
  const version = async (documentId: string, versionId: string): Promise<VersionBody> =>
    (await api(secretary).get(`/documents/${documentId}/versions/${versionId}`)).body as VersionBody;

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true, clock });
    const agency = await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum' });
    unitId = (await ctx.newOrgUnit(agency.id, 'Phòng Hành chính tư pháp')).id;
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id, orgUnitId: unitId });
    reviewer = await ctx.newUser({ roles: [Role.Reviewer], agencyId: agency.id, orgUnitId: unitId });
    approver = await ctx.newUser({ roles: [Role.Approver], agencyId: agency.id });
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id, orgUnitId: unitId });
  });
  afterAll(() => ctx.close());

  describe('a revision issued for 15/12/2026 while revision 1 is in force', () => {
    let doc: { id: string; v1: string };
    let v2: string;

    beforeAll(async () => {
      clock.set('2026-12-01T02:00:00Z');
      doc = await newDocument('QT-TP-01');
      await approveVersion(doc.id, doc.v1, 'QT-TP-01 ban 1');
      expect((await issue(doc.id, doc.v1, '2026-11-01')).body.state).toBe('effective');
      v2 = await newRevision(doc.id, 'Quy trình chứng thực bản sao (sửa đổi)');
      await approveVersion(doc.id, v2, 'QT-TP-01 ban 2');
    });

    it('puts the new version in `scheduled` and leaves the version in force effective', async () => {
      const res = await issue(doc.id, v2, '2026-12-15');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        state: 'scheduled',
        stateLabel: 'Đã ban hành, chờ hiệu lực',
        issueNumber: 2,
        effectiveFrom: '2026-12-15',
      });
      expect((await version(doc.id, doc.v1)).state).toBe('effective');
      const document = (await api(staff).get(`/documents/${doc.id}`)).body;
      expect(document).toMatchObject({
        effectiveVersionId: doc.v1,
        scheduledVersionId: v2,
        issueCount: 2,
        title: 'Quy trình QT-TP-01',
        nextReviewDate: '2027-11-01',
      });
      expect(await actions(v2)).toContain('document_version.scheduled');
      expect(await actions(doc.v1)).not.toContain('document_version.superseded');
    });

    it('keeps the controlled copy of the version in force valid and stamps the new one "not yet in force"', async () => {
      const current = await copyText(doc.id, doc.v1);
      expect(current).toContain('BẢN CÓ KIỂM SOÁT');
      expect(current).not.toContain('HẾT HIỆU LỰC');
      const upcoming = await copyText(doc.id, v2);
      expect(upcoming).toContain('CHƯA CÓ HIỆU LỰC — hiệu lực từ 15/12/2026');
      expect(upcoming).toContain('Tình trạng: CHƯA CÓ HIỆU LỰC');
      expect(upcoming).not.toContain('BẢN CÓ KIỂM SOÁT');
      expect(upcoming).not.toContain('HẾT HIỆU LỰC');
    });

    it('lets staff read and acknowledge the new version ahead, and tells the distribution list', async () => {
      expect((await api(staff).get(`/documents/${doc.id}/versions/${v2}`)).status).toBe(200);
      expect((await api(staff).post(`/documents/${doc.id}/versions/${v2}/acknowledgements`)).status).toBe(
        201,
      );
      expect(await inboxKinds(staff, v2)).toEqual(['document.scheduled']);
      const list = (await api(staff).get('/documents?pageSize=100')).body.items as {
        id: string;
        currentVersion: { id: string; state: string };
      }[];
      expect(list.find((d) => d.id === doc.id)?.currentVersion).toMatchObject({
        id: doc.v1,
        state: 'effective',
      });
    });

    it('lists both versions in the register, each with its state', async () => {
      const register = await api(staff).get('/registers/internal-documents');
      expect(register.status).toBe(200);
      const lines = (
        register.body.items as { documentId: string; versionId: string; state: string; stateLabel: string }[]
      )
        .filter((l) => l.documentId === doc.id)
        .map((l) => ({ versionId: l.versionId, state: l.state, stateLabel: l.stateLabel }));
      expect(lines).toEqual([
        { versionId: doc.v1, state: 'effective', stateLabel: 'Đang hiệu lực' },
        { versionId: v2, state: 'scheduled', stateLabel: 'Đã ban hành, chờ hiệu lực' },
      ]);
      const pdf = await api(staff).binary('/registers/internal-documents?format=pdf');
      const text = await extractPdfText(pdf.body as Buffer);
      expect(text).toContain('Đã ban hành, chờ hiệu lực');
      expect(text).toContain('Tài liệu đang hiệu lực: 1 · Đã ban hành, chờ hiệu lực: 1');
    });

    it('changes nothing before the date', async () => {
      clock.set('2026-12-14T16:59:00Z'); // 23:59 on 14/12 in Vietnam
      await runActivation();
      expect((await version(doc.id, v2)).state).toBe('scheduled');
      expect((await version(doc.id, doc.v1)).state).toBe('effective');
    });

    it('brings it into force on its date: old one superseded, both copies rendered anew, readers told once', async () => {
      clock.set('2026-12-14T17:01:00Z'); // 00:01 on 15/12 in Vietnam
      await runActivation();
      await runActivation();
      expect((await version(doc.id, v2)).state).toBe('effective');
      expect((await version(doc.id, doc.v1)).state).toBe('superseded');
      const document = (await api(staff).get(`/documents/${doc.id}`)).body;
      expect(document).toMatchObject({
        effectiveVersionId: v2,
        scheduledVersionId: null,
        title: 'Quy trình chứng thực bản sao (sửa đổi)',
        nextReviewDate: '2027-12-15',
      });
      expect(await actions(v2)).toEqual(expect.arrayContaining(['document_version.activated']));
      expect((await actions(v2)).filter((a) => a === 'document_version.activated')).toHaveLength(1);
      expect(await actions(doc.v1)).toContain('document_version.superseded');
      expect(await inboxKinds(staff, v2)).toEqual(expect.arrayContaining(['document.activated']));
      expect((await inboxKinds(staff, v2)).filter((k) => k === 'document.activated')).toHaveLength(1);
      const now = await copyText(doc.id, v2);
      expect(now).toContain('BẢN CÓ KIỂM SOÁT');
      expect(now).not.toContain('CHƯA CÓ HIỆU LỰC');
      expect(await copyText(doc.id, doc.v1)).toContain('HẾT HIỆU LỰC');
      const register = (await api(staff).get('/registers/internal-documents')).body.items as {
        documentId: string;
        versionId: string;
        state: string;
      }[];
      expect(register.filter((l) => l.documentId === doc.id)).toEqual([
        expect.objectContaining({ versionId: v2, state: 'effective' }),
      ]);
    });
  });

  it('activates each due version once when two runs race', async () => {
    clock.set('2026-12-01T02:00:00Z');
    const doc = await newDocument('QT-TP-02');
    await approveVersion(doc.id, doc.v1, 'QT-TP-02 ban 1');
    expect((await issue(doc.id, doc.v1, '2026-12-10')).body.state).toBe('scheduled');
    const document = (await api(staff).get(`/documents/${doc.id}`)).body;
    expect(document).toMatchObject({ effectiveVersionId: null, scheduledVersionId: doc.v1, issueCount: 1 });
    const list = (await api(staff).get('/documents?pageSize=100')).body.items as { id: string }[];
    expect(list.map((d) => d.id)).toContain(doc.id);

    clock.set('2026-12-10T01:00:00Z');
    await Promise.all([runActivation(), runActivation(), runActivation()]);
    expect((await version(doc.id, doc.v1)).state).toBe('effective');
    expect((await actions(doc.v1)).filter((a) => a === 'document_version.activated')).toHaveLength(1);
    expect((await api(staff).get(`/documents/${doc.id}`)).body.effectiveVersionId).toBe(doc.v1);
  });

  it('cancels the scheduled version when the document is withdrawn', async () => {
    clock.set('2026-12-01T02:00:00Z');
    const doc = await newDocument('QT-TP-03');
    await approveVersion(doc.id, doc.v1, 'QT-TP-03 ban 1');
    await issue(doc.id, doc.v1);
    const v2 = await newRevision(doc.id);
    await approveVersion(doc.id, v2, 'QT-TP-03 ban 2');
    expect((await issue(doc.id, v2, '2027-01-01')).body.state).toBe('scheduled');

    const res = await api(approver).post(`/documents/${doc.id}/withdraw`, {
      password: USER_PASSWORD,
      reason: 'Thủ tục hành chính bị bãi bỏ',
    });
    expect(res.status).toBe(200);
    expect((await version(doc.id, doc.v1)).state).toBe('obsolete');
    expect(await version(doc.id, v2)).toMatchObject({ state: 'obsolete' });
    expect(await actions(v2)).toContain('document_version.cancelled');
    expect((await api(staff).get(`/documents/${doc.id}`)).body).toMatchObject({
      status: 'obsolete',
      effectiveVersionId: null,
      scheduledVersionId: null,
    });
    expect(await copyText(doc.id, v2)).toContain('HẾT HIỆU LỰC');

    clock.set('2027-01-01T02:00:00Z');
    await runActivation();
    expect((await version(doc.id, v2)).state).toBe('obsolete');
  });

  it('withdraws a document whose only issue is still waiting, by cancelling it', async () => {
    clock.set('2026-12-01T02:00:00Z');
    const doc = await newDocument('QT-TP-04');
    await approveVersion(doc.id, doc.v1, 'QT-TP-04 ban 1');
    expect((await issue(doc.id, doc.v1, '2026-12-20')).body.state).toBe('scheduled');
    const res = await api(approver).post(`/documents/${doc.id}/withdraw`, {
      password: USER_PASSWORD,
      reason: 'Ban hành nhầm',
    });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('obsolete');
  });

  it('a newer issue in force today cancels an older version still waiting for its date', async () => {
    clock.set('2026-12-01T02:00:00Z');
    const doc = await newDocument('QT-TP-05');
    await approveVersion(doc.id, doc.v1, 'QT-TP-05 ban 1');
    await issue(doc.id, doc.v1);
    const v2 = await newRevision(doc.id);
    await approveVersion(doc.id, v2, 'QT-TP-05 ban 2');
    // Never effective before the version it replaces.
    const backdated = await issue(doc.id, v2, '2026-11-30');
    expect(backdated.status).toBe(400);
    expect(backdated.body.details.errors[0]).toMatchObject({
      field: 'effectiveFrom',
      message: 'Ngày hiệu lực không được trước ngày hiệu lực của phiên bản đang áp dụng (01/12/2026).',
    });
    expect((await version(doc.id, v2)).state).toBe('approved');
    expect((await issue(doc.id, v2, '2026-12-20')).body.state).toBe('scheduled');
    // A revision started while v2 waits is based on v2, the newest issued content.
    const v3 = await newRevision(doc.id);
    const v3body = (await api(secretary).get(`/documents/${doc.id}/versions/${v3}`)).body;
    expect(v3body.basedOnVersionId).toBe(v2);
    await approveVersion(doc.id, v3, 'QT-TP-05 ban 3');
    const res = await issue(doc.id, v3);
    expect(res.body).toMatchObject({ state: 'effective', issueNumber: 3 });
    expect((await version(doc.id, v2)).state).toBe('superseded');
    expect((await version(doc.id, doc.v1)).state).toBe('superseded');
    expect((await api(staff).get(`/documents/${doc.id}`)).body).toMatchObject({
      effectiveVersionId: v3,
      scheduledVersionId: null,
    });
    clock.set('2026-12-20T02:00:00Z');
    await runActivation();
    expect((await version(doc.id, v2)).state).toBe('superseded');
  });
});
