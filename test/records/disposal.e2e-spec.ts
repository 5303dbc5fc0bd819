import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobName, Role } from '@eiso/common';
import { extractPdfText } from '@eiso/pdf/testing';
import { JobQueue } from '@eiso/queue';
import { StorageDriver } from '@eiso/storage';
import { samplePdf, sha256 } from '../support/files';
import { FixedClock } from '../support/fixed-clock';
import { objectKeys } from '../support/s3-objects';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { createTestContext, TestAgency, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';
import { apiAs } from '../support/api-as';
import { auditActions } from '../support/audit-actions';
import { runDispose, runRetention } from '../support/record-flow';

interface Disposal {
  id: string;
  number: number;
  state: string;
  recordIds: string[];
  signature: { signerName: string; signerPosition: string | null; contentHash: string } | null;
}

/**
 * Signed disposal: proposal, hold, refusals, rejection, approval with the password, the
 * records.dispose job against the real S3 server (failure, retry, second run), tombstones,
 * the audit trail and the biên bản hủy hồ sơ.
 */
describe('records disposal', () => {
  const clock = new FixedClock(new Date('2027-01-10T02:00:00Z'));
  let ctx: TestContext;
  let agency: TestAgency;
  let secretary: TestUser;
  let approver: TestUser;
  let staff: TestUser;
  let dual: TestUser;
  let foreignApprover: TestUser;
  let typeId: string;
  let batch: Disposal;
  const records: Record<string, string> = {};
  const fileShas: Record<string, string[]> = {};

  const recordPrefix = (id: string) => `agency/${agency.id}/records/${id}/`;
  const inbox = async (user: TestUser, kind: string) =>
    (await apiAs(ctx, user).get('/notifications?pageSize=100')).body.items.filter(
      (n: { kind: string }) => n.kind === kind,
    ) as { title: string; body: string }[];
  const snapshot = async (ids: string[]) => ({
    records: await ctx.sql('SELECT * FROM record WHERE id = ANY($1::uuid[]) ORDER BY id', [ids]),
    files: await ctx.sql(
      `SELECT * FROM attachment WHERE subject_type = 'record' AND subject_id = ANY($1::uuid[]) ORDER BY id`,
      [ids],
    ),
    disposals: await ctx.sql('SELECT * FROM disposal ORDER BY number'),
    audit: await ctx.sql('SELECT count(*)::int AS n FROM audit_event'),
    notifications: await ctx.sql('SELECT count(*)::int AS n FROM notification'),
  });

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true, clock });
    const province = await ctx.newAgency({
      name: 'Ủy ban nhân dân tỉnh Kon Tum',
      level: 'province',
      place: 'Kon Tum',
    });
    agency = await ctx.newAgency({ name: 'Sở Tài chính', parentId: province.id, abbreviation: 'STC' });
    const unit = await ctx.newOrgUnit(agency.id, 'Văn phòng Sở');
    secretary = await ctx.newUser({
      roles: [Role.IsoSecretary],
      agencyId: agency.id,
      fullName: 'Nguyễn Thị Thư',
      position: 'Chánh Văn phòng',
    });
    approver = await ctx.newUser({
      roles: [Role.Approver],
      agencyId: agency.id,
      fullName: 'Trần Văn Đức',
      position: 'Giám đốc Sở',
    });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    dual = await ctx.newUser({ roles: [Role.IsoSecretary, Role.Approver], agencyId: agency.id });
    const other = await ctx.newAgency({ name: 'Sở Y tế' });
    foreignApprover = await ctx.newUser({ roles: [Role.Approver], agencyId: other.id });
    typeId = (
      await apiAs(ctx, secretary).post('/record-types', {
        code: 'HS-KT-01',
        name: 'Hồ sơ kế toán thanh toán',
        retentionMonths: 12,
        storagePlace: 'Kho lưu trữ Văn phòng Sở',
        responsibleOrgUnitId: unit.id,
      })
    ).body.id as string;
    const file = async (key: string, title: string, recordDate: string, files: number) => {
      const created = await apiAs(ctx, staff).post('/records', {
        recordTypeId: typeId,
        title,
        reference: `CT-${key.toUpperCase()}`,
        recordDate,
      });
      records[key] = created.body.id as string;
      fileShas[key] = [];
      for (let i = 1; i <= files; i++) {
        const bytes = await samplePdf(`${key}-${i}`);
        const up = await apiAs(ctx, staff).upload(
          `/records/${records[key]}/files`,
          `chung-tu-${i}.pdf`,
          bytes,
        );
        expect(up.status).toBe(201);
        fileShas[key].push(sha256(bytes));
      }
    };
    await file('a', 'Chứng từ thanh toán quý I/2025', '2025-03-31', 2);
    await file('b', 'Chứng từ thanh toán quý II/2025', '2025-06-30', 1);
    await file('c', 'Sổ theo dõi tạm ứng 2025', '2025-09-30', 0);
    await file('rejected', 'Chứng từ thanh toán quý III/2025', '2025-09-30', 1);
    await file('held', 'Hồ sơ mua sắm tài sản 2025', '2025-10-15', 1);
    await file('self', 'Hồ sơ quyết toán 2025', '2025-12-31', 0);
    await file('young', 'Chứng từ thanh toán quý IV/2026', '2026-12-31', 1);
    await runRetention(ctx);
  });
  afterAll(() => ctx.close());

  it('proposes only due records that are not on hold, and only the ISO secretary does', async () => {
    expect(
      (await apiAs(ctx, secretary).post(`/records/${records.held}/hold`, { reason: 'Kiểm toán nhà nước' }))
        .status,
    ).toBe(200);
    const missing = randomUUID();
    const refused = await apiAs(ctx, secretary).post('/disposals', {
      recordIds: [records.a, records.held, records.young, missing],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('DISPOSAL_RECORDS_NOT_ELIGIBLE');
    expect(refused.body.message).toBe(
      'Có 3 trong số 4 hồ sơ không thể đưa vào đợt hủy: 1 hồ sơ đang bị phong tỏa, 1 hồ sơ chưa đến hạn hủy, ' +
        '1 hồ sơ không tìm thấy trong cơ quan. Lý do của từng hồ sơ được nêu trong phần chi tiết.',
    );
    expect(refused.body.details.requested).toBe(4);
    const byId = new Map(
      (refused.body.details.records as { id: string }[]).map((r) => [r.id, r] as [string, unknown]),
    );
    expect(byId.size).toBe(3);
    expect(byId.get(records.held)).toEqual({
      id: records.held,
      title: 'Hồ sơ mua sắm tài sản 2025',
      reference: 'CT-HELD',
      reason: 'on_hold',
      holdReason: 'Kiểm toán nhà nước',
      heldAt: '2027-01-10T02:00:00.000Z',
      message:
        'Hồ sơ "Hồ sơ mua sắm tài sản 2025" (CT-HELD) đang bị phong tỏa từ ngày 10/01/2027 ' +
        '(lý do: Kiểm toán nhà nước); hồ sơ bị phong tỏa không được hủy cho đến khi được gỡ phong tỏa.',
    });
    // Due on the last day of 2027, when the daily run at 00:30 moves it.
    expect(byId.get(records.young)).toEqual({
      id: records.young,
      title: 'Chứng từ thanh toán quý IV/2026',
      reference: 'CT-YOUNG',
      reason: 'not_due',
      retentionEnd: '2027-12-31',
      becomesDueAt: '2027-12-30T17:30:00.000Z',
      message:
        'Hồ sơ "Chứng từ thanh toán quý IV/2026" (CT-YOUNG) chưa đến hạn hủy: thời hạn lưu trữ kết thúc ' +
        'ngày 31/12/2027; lần rà soát tự động hằng ngày lúc 00:30 ngày 31/12/2027 sẽ chuyển hồ sơ sang ' +
        'trạng thái "Đến hạn hủy".',
    });
    // Nothing is told of a record the agency does not hold.
    expect(byId.get(missing)).toEqual({
      id: missing,
      title: null,
      reference: null,
      reason: 'not_found',
      message: `Không tìm thấy hồ sơ có mã định danh ${missing} trong cơ quan.`,
    });
    expect((await apiAs(ctx, staff).post('/disposals', { recordIds: [records.a] })).status).toBe(403);
    expect((await apiAs(ctx, secretary).get('/disposals')).body.total).toBe(0);
  });

  it('leaves records untouched when a batch is rejected', async () => {
    const proposed = await apiAs(ctx, secretary).post('/disposals', {
      recordIds: [records.rejected],
      note: 'Hết hạn lưu trữ',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      number: 1,
      numberLabel: '01/BB-HHS',
      state: 'proposed',
      recordCount: 1,
    });
    expect((await inbox(approver, 'disposal.proposed'))[0].title).toBe(
      'Đề nghị hủy hồ sơ số 01/BB-HHS chờ phê duyệt',
    );
    const before = await ctx.sql('SELECT * FROM record WHERE id = $1', [records.rejected]);
    const again = await apiAs(ctx, secretary).post('/disposals', { recordIds: [records.rejected] });
    const inBatch =
      'Hồ sơ "Chứng từ thanh toán quý III/2025" (CT-REJECTED) đã thuộc đợt hủy số 01/BB-HHS ' +
      '(chờ phê duyệt); mỗi hồ sơ chỉ thuộc một đợt hủy chưa bị từ chối.';
    expect(again.body.details.records).toEqual([
      {
        id: records.rejected,
        title: 'Chứng từ thanh toán quý III/2025',
        reference: 'CT-REJECTED',
        reason: 'in_batch',
        disposalId: proposed.body.id,
        disposalNumber: '01/BB-HHS',
        disposalState: 'proposed',
        message: inBatch,
      },
    ]);
    // One record: its own sentence is the message.
    expect(again.body.message).toBe(inBatch);
    expect((await apiAs(ctx, staff).get(`/records/${records.rejected}`)).body.pendingDisposalId).toBe(
      proposed.body.id,
    );

    const rejected = await apiAs(ctx, approver).post(`/disposals/${proposed.body.id}/reject`, {
      reason: 'Cần giữ lại phục vụ quyết toán',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      state: 'rejected',
      rejectionReason: 'Cần giữ lại phục vụ quyết toán',
    });
    expect(await ctx.sql('SELECT * FROM record WHERE id = $1', [records.rejected])).toEqual(before);
    expect(await objectKeys(ctx.config, recordPrefix(records.rejected))).toHaveLength(1);
    const view = (await apiAs(ctx, staff).get(`/records/${records.rejected}`)).body;
    expect(view).toMatchObject({ state: 'due_for_disposal', pendingDisposalId: null, disposal: null });
    const download = await apiAs(ctx, staff).binary(`/records/${records.rejected}/files/${view.files[0].id}`);
    expect(sha256(download.body as Buffer)).toBe(fileShas.rejected[0]);
    expect((await inbox(secretary, 'disposal.rejected'))[0].body).toContain('Cần giữ lại phục vụ quyết toán');

    const late = await apiAs(ctx, approver).post(`/disposals/${proposed.body.id}/approve`, {
      password: USER_PASSWORD,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('DISPOSAL_INVALID_TRANSITION');
    expect((await apiAs(ctx, secretary).get(`/disposals/${proposed.body.id}/minutes`)).body.code).toBe(
      'DISPOSAL_MINUTES_UNAVAILABLE',
    );
    expect(await auditActions(ctx, proposed.body.id as string)).toEqual([
      'disposal.proposed',
      'disposal.rejected',
    ]);
  });

  it('refuses to sign while a record of the batch is on hold', async () => {
    await apiAs(ctx, secretary).post(`/records/${records.held}/release`);
    const proposed = await apiAs(ctx, secretary).post('/disposals', {
      recordIds: [records.a, records.b, records.c, records.rejected, records.held],
    });
    expect(proposed.status).toBe(201);
    batch = proposed.body as Disposal;
    expect(batch.number).toBe(2);
    const hold = await apiAs(ctx, secretary).post(`/records/${records.held}/hold`, {
      reason: 'Thanh tra tài chính',
    });
    expect(hold.body).toMatchObject({ state: 'due_for_disposal', onHold: true, pendingDisposalId: batch.id });

    const refused = await apiAs(ctx, approver).post(`/disposals/${batch.id}/approve`, {
      password: USER_PASSWORD,
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'DISPOSAL_HAS_HELD_RECORDS',
      details: { recordIds: [records.held] },
    });
    expect((await apiAs(ctx, approver).get(`/disposals/${batch.id}`)).body).toMatchObject({
      state: 'proposed',
      signature: null,
    });
    expect(await objectKeys(ctx.config, recordPrefix(records.held))).toHaveLength(1);
    await apiAs(ctx, secretary).post(`/records/${records.held}/release`);
  });

  it('needs the approver role, someone other than the proposer, and the password again', async () => {
    const bySecretary = await apiAs(ctx, secretary).post(`/disposals/${batch.id}/approve`, {
      password: USER_PASSWORD,
    });
    expect(bySecretary.status).toBe(403);
    expect(bySecretary.body.code).toBe('FORBIDDEN');
    expect((await apiAs(ctx, staff).post(`/disposals/${batch.id}/reject`)).status).toBe(403);
    const foreign = await apiAs(ctx, foreignApprover).post(`/disposals/${batch.id}/approve`, {
      password: USER_PASSWORD,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('DISPOSAL_NOT_FOUND');
    const wrong = await apiAs(ctx, approver).post(`/disposals/${batch.id}/approve`, {
      password: 'sai-mat-khau',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('SIGNATURE_PASSWORD_INVALID');
    expect((await apiAs(ctx, approver).get(`/disposals/${batch.id}`)).body.state).toBe('proposed');

    const own = await apiAs(ctx, dual).post('/disposals', { recordIds: [records.self] });
    expect(own.status).toBe(201);
    const self = await apiAs(ctx, dual).post(`/disposals/${own.body.id}/approve`, {
      password: USER_PASSWORD,
    });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('DISPOSAL_SELF_APPROVAL');
    expect(await auditActions(ctx, batch.id)).toEqual(['disposal.proposed']);
  });

  it('signs, then the job deletes the objects; a storage failure leaves the record due and is retried', async () => {
    const storage = ctx.worker!.get(StorageDriver);
    let fail!: () => void;
    const gate = new Promise<void>((resolve) => (fail = resolve));
    const spy = jest.spyOn(storage, 'delete').mockImplementationOnce(async () => {
      await gate;
      throw new Error('S3 tạm thời không phản hồi');
    });
    try {
      const approved = await apiAs(ctx, approver).post(`/disposals/${batch.id}/approve`, {
        password: USER_PASSWORD,
      });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        state: 'approved',
        signature: { signerName: 'Trần Văn Đức', signerPosition: 'Giám đốc Sở' },
      });
      expect(approved.body.signature.contentHash).toMatch(/^[0-9a-f]{64}$/);
      const [{ password_changed_at: epoch }] = await ctx.sql<{ password_changed_at: Date }>(
        'SELECT password_changed_at FROM app_user WHERE id = $1',
        [approver.id],
      );
      expect(approved.body.signature.passwordSetAt).toBe(epoch.toISOString());
      expect(approved.body).toMatchObject({
        proposerName: 'Nguyễn Thị Thư',
        proposerPosition: 'Chánh Văn phòng',
      });

      for (let i = 0; i < 200 && spy.mock.calls.length === 0; i++) await sleep(25);
      const failingKey = spy.mock.calls[0][0];
      const failingRecord = Object.values(records).find((id) => failingKey.includes(id))!;
      // Signed and being disposed: the hold is refused.
      const hold = await apiAs(ctx, secretary).post(`/records/${records.a}/hold`, { reason: 'Quá muộn' });
      expect(hold.status).toBe(409);
      expect(hold.body.code).toBe('RECORD_DISPOSAL_IN_PROGRESS');

      fail();
      await (spy.mock.results[0].value as Promise<void>).catch(() => undefined);
      await sleep(200);
      expect((await apiAs(ctx, staff).get(`/records/${failingRecord}`)).body).toMatchObject({
        state: 'due_for_disposal',
        disposal: null,
      });
      expect((await apiAs(ctx, approver).get(`/disposals/${batch.id}`)).body.state).toBe('approved');

      await waitForQueuesToDrain(ctx.worker!, 30_000);
    } finally {
      spy.mockRestore();
    }
    expect((await apiAs(ctx, approver).get(`/disposals/${batch.id}`)).body).toMatchObject({
      state: 'completed',
      stateLabel: 'Đã hủy xong',
    });
  });

  it('leaves no object on the S3 server, only tombstone rows', async () => {
    for (const key of ['a', 'b', 'c', 'rejected', 'held']) {
      const id = records[key];
      expect(await objectKeys(ctx.config, recordPrefix(id))).toEqual([]);
      const [row] = await ctx.sql<Record<string, unknown>>('SELECT * FROM record WHERE id = $1', [id]);
      expect(row).toMatchObject({
        state: 'disposed',
        disposal_id: batch.id,
        disposed_by: approver.id,
        disposed_sha256: createHash('sha256')
          .update([...fileShas[key]].sort().join('\n'))
          .digest('hex'),
        hold_reason: null,
      });
      expect(row.disposed_at).toEqual(new Date('2027-01-10T02:00:00Z'));
      const files = await ctx.sql<{ sha256: string; deleted_at: Date | null }>(
        `SELECT sha256, deleted_at FROM attachment WHERE subject_type = 'record' AND subject_id = $1`,
        [id],
      );
      expect(files.map((f) => f.sha256).sort()).toEqual([...fileShas[key]].sort());
      expect(files.every((f) => f.deleted_at !== null)).toBe(true);
    }
    expect(await objectKeys(ctx.config, recordPrefix(records.young))).toHaveLength(1);

    const view = (await apiAs(ctx, staff).get(`/records/${records.a}`)).body;
    expect(view).toMatchObject({
      state: 'disposed',
      stateLabel: 'Đã hủy',
      title: 'Chứng từ thanh toán quý I/2025',
      disposal: { disposalId: batch.id, disposedBy: approver.id },
    });
    expect(view.files).toHaveLength(2);
    const gone = await apiAs(ctx, staff).get(`/records/${records.a}/files/${view.files[0].id}`);
    expect(gone.status).toBe(409);
    expect(gone.body.code).toBe('RECORD_DISPOSED');
    expect(
      (await apiAs(ctx, secretary).post(`/records/${records.a}/hold`, { reason: 'Muộn' })).body.code,
    ).toBe('RECORD_DISPOSED');
    expect((await apiAs(ctx, staff).get('/records?state=disposed')).body.total).toBe(5);
  });

  it('shows every step on the audit trail, and the chain still verifies', async () => {
    expect(await auditActions(ctx, batch.id)).toEqual([
      'disposal.proposed',
      'disposal.approved',
      'disposal.completed',
    ]);
    expect(await auditActions(ctx, records.a)).toEqual([
      'record.created',
      'record_file.uploaded',
      'record_file.uploaded',
      'record.disposed',
    ]);
    expect(await auditActions(ctx, records.held)).toEqual([
      'record.created',
      'record_file.uploaded',
      'record.held',
      'record.released',
      'record.held',
      'record.released',
      'record.disposed',
    ]);
    const [due] = await ctx.sql<{ after: { recordIds: string } }>(
      `SELECT after FROM audit_event WHERE action = 'record.retention_due' AND agency_id = $1`,
      [agency.id],
    );
    expect(due.after.recordIds.split(',')).toEqual(
      expect.arrayContaining([records.a, records.b, records.c, records.held]),
    );
    const [approved] = await ctx.sql<{ actor_id: string; after: Record<string, unknown> }>(
      `SELECT actor_id, after FROM audit_event WHERE action = 'disposal.approved' AND entity_id = $1`,
      [batch.id],
    );
    expect(approved.actor_id).toBe(approver.id);
    expect(approved.after).toMatchObject({ records: 5, files: 5, signerName: 'Trần Văn Đức' });
    const [disposed] = await ctx.sql<{ after: { sha256: string; disposedBy: string } }>(
      `SELECT after FROM audit_event WHERE action = 'record.disposed' AND entity_id = $1`,
      [records.b],
    );
    expect(disposed.after).toMatchObject({
      sha256: createHash('sha256').update(fileShas.b[0]).digest('hex'),
    });
    expect(disposed.after.disposedBy).toBe(approver.id);
    const verify = await ctx.http().get('/api/v1/audit-events/verify').set('Authorization', ctx.admin.auth);
    expect(verify.body).toMatchObject({ ok: true, firstBroken: null });
    expect((await inbox(secretary, 'disposal.completed'))[0].title).toBe(
      'Đã hủy xong đợt hủy hồ sơ số 02/BB-HHS',
    );
    const batches = await apiAs(ctx, approver).get('/disposals');
    expect(batches.body.items.map((d: Disposal) => [d.number, d.state])).toEqual([
      [3, 'proposed'],
      [2, 'completed'],
      [1, 'rejected'],
    ]);
    expect((await apiAs(ctx, secretary).get('/disposals?state=completed')).body.total).toBe(1);
  });

  it('changes nothing more when the dispose job runs again', async () => {
    const ids = Object.values(records);
    const before = await snapshot(ids);
    await runDispose(ctx, batch.id);
    await waitForQueuesToDrain(ctx.worker!, 10_000);
    expect(await snapshot(ids)).toEqual(before);
  });

  it('issues the biên bản hủy hồ sơ in Vietnamese to the secretary and the approver', async () => {
    // The proposer has moved on since: the biên bản names them as they were when they proposed.
    const read = await ctx.http().get(`/api/v1/users/${secretary.id}`).set('Authorization', ctx.admin.auth);
    const moved = await ctx
      .http()
      .patch(`/api/v1/users/${secretary.id}`)
      .set('Authorization', ctx.admin.auth)
      .set('If-Match', read.headers.etag)
      .send({ position: 'Trưởng phòng Tổng hợp' });
    expect(moved.status).toBe(200);
    const res = await apiAs(ctx, approver).binary(`/disposals/${batch.id}/minutes`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('bien-ban-huy-ho-so-02.pdf');
    const text = (await extractPdfText(res.body as Buffer)).replace(/\s+/g, ' ');
    // The official layout (Nghị định 30): heading from the agency and its parent, number with the
    // agency's ký hiệu, the province's place and the day the batch was signed.
    const lines = (await extractPdfText(res.body as Buffer, { layout: true }))
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim());
    expect(lines.slice(0, 4)).toEqual([
      'UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ TÀI CHÍNH Độc lập - Tự do - Hạnh phúc',
      'Số: 02/BB-STC Kon Tum, ngày 10 tháng 01 năm 2027',
      'BIÊN BẢN HỦY HỒ SƠ',
    ]);
    for (const expected of [
      'Chứng từ thanh toán quý I/2025',
      'Sổ theo dõi tạm ứng 2025',
      'CT-HELD',
      '31/03/2025',
      '31/03/2026',
      '1 năm',
      'NGƯỜI ĐỀ NGHỊ',
      'Nguyễn Thị Thư',
      'GIÁM ĐỐC SỞ',
      'Trần Văn Đức',
      'CHÁNH VĂN PHÒNG',
      'Hoàn thành hủy lúc 09:00 10/01/2027',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Trưởng phòng Tổng hợp');
    expect((await apiAs(ctx, secretary).binary(`/disposals/${batch.id}/minutes`)).status).toBe(200);
    expect((await apiAs(ctx, staff).get(`/disposals/${batch.id}/minutes`)).status).toBe(403);
    expect((await apiAs(ctx, foreignApprover).get(`/disposals/${batch.id}/minutes`)).status).toBe(404);
  });

  it('carries out a signed batch whose dispose job was lost on the next daily run', async () => {
    const [pending] = (await apiAs(ctx, approver).get('/disposals?state=proposed')).body.items as Disposal[];
    const queue = ctx.app.get(JobQueue);
    const enqueue = queue.enqueue.bind(queue);
    const lost = jest
      .spyOn(queue, 'enqueue')
      .mockImplementation((...args) =>
        args[0] === JobName.RecordsDispose ? Promise.resolve() : enqueue(...args),
      );
    try {
      const signed = await apiAs(ctx, approver).post(`/disposals/${pending.id}/approve`, {
        password: USER_PASSWORD,
      });
      expect(signed.body.state).toBe('approved');
      // The job commits with the signature (the job outbox); the relay hands it over right after,
      // and this queue loses it.
      const deadline = Date.now() + 10_000;
      while (!lost.mock.calls.some(([name]) => name === JobName.RecordsDispose) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(lost.mock.calls.map(([name]) => name)).toContain(JobName.RecordsDispose);
    } finally {
      lost.mockRestore();
    }
    await waitForQueuesToDrain(ctx.worker!, 10_000);
    expect((await apiAs(ctx, approver).get(`/disposals/${pending.id}`)).body.state).toBe('approved');
    await runRetention(ctx, 'sweep');
    await waitForQueuesToDrain(ctx.worker!, 10_000);
    expect((await apiAs(ctx, approver).get(`/disposals/${pending.id}`)).body.state).toBe('completed');
    expect((await apiAs(ctx, staff).get(`/records/${records.self}`)).body.state).toBe('disposed');
  });

  it('keeps a signature made before a password change valid, and says when the password was set', async () => {
    const before = (await apiAs(ctx, secretary).get(`/disposals/${batch.id}`)).body;
    expect(before.state).toBe('completed');
    expect(before.signature).toMatchObject({
      signerName: 'Trần Văn Đức',
      signerPosition: 'Giám đốc Sở',
      contentVerified: true,
    });
    const changed = await apiAs(ctx, approver).post('/me/password', {
      currentPassword: USER_PASSWORD,
      newPassword: 'MatKhau-Moi-2027',
    });
    expect(changed.status).toBe(200);
    const after = (await apiAs(ctx, secretary).get(`/disposals/${batch.id}`)).body;
    expect(after.signature).toEqual(before.signature);
    const [{ password_changed_at: now }] = await ctx.sql<{ password_changed_at: Date }>(
      'SELECT password_changed_at FROM app_user WHERE id = $1',
      [approver.id],
    );
    expect(now.getTime()).toBeGreaterThan(new Date(after.signature.passwordSetAt as string).getTime());
    expect((await apiAs(ctx, secretary).binary(`/disposals/${batch.id}/minutes`)).status).toBe(200);
    // The list shows the facts too, without recomputing every hash.
    const listed = (await apiAs(ctx, secretary).get('/disposals?state=completed')).body.items as Disposal[];
    expect(listed.find((d) => d.id === batch.id)?.signature).toEqual({
      ...before.signature,
      contentVerified: undefined,
    });
  });

  it('shows a signature whose records no longer match what was signed', async () => {
    const [file] = await ctx.sql<{ id: string }>(
      `SELECT id FROM attachment WHERE subject_type = 'record' AND subject_id = $1`,
      [records.b],
    );
    await ctx.sql(`UPDATE attachment SET sha256 = repeat('0', 64) WHERE id = $1`, [file.id]);
    const view = (await apiAs(ctx, secretary).get(`/disposals/${batch.id}`)).body;
    expect(view.signature.contentVerified).toBe(false);
  });
});
