import { JobName, Role } from '@eiso/common';
import { JobHandlerRegistry } from '@eiso/queue';
import { FixedClock } from '../support/fixed-clock';
import { apiAs } from '../support/api-as';
import { auditActions } from '../support/audit-actions';
import {
  approvedVersion,
  DocumentRef,
  DraftingCircle,
  effectiveDocument,
  issueVersion,
  newDraftingCircle,
  newRevision,
} from '../support/document-flow';
import { samplePdf } from '../support/files';
import { expectOneWinner, race, raceAtTableLock } from '../support/races';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

interface Task {
  id: string;
  round: number;
  version: number;
  doneOn: string | null;
  document: {
    code: string;
    issueAtRaise: number | null;
    issueInForce: number | null;
    revised: boolean;
  } | null;
  correctiveAction?: { state: string; round: number; verificationDue: string | null; version: number };
}

/**
 * Corrective actions (Phiếu yêu cầu hành động khắc phục) through the API: the whole loop open →
 * planned → in progress → verifying → not effective → round 2 → verifying → closed with the clock
 * moved past the check's due date; the refusals (incomplete plan, done by someone else, the
 * verifier's independence, closing too early, closing before the linked document is revised),
 * another agency's 404s, If-Match, the board's filters.
 */
describe('corrective actions', () => {
  // 09:00 on 10/01/2027 in Vietnam.
  const clock = new FixedClock(new Date('2027-01-10T02:00:00Z'));
  let ctx: TestContext;
  let agencyId: string;
  let circle: DraftingCircle;
  let auditor: TestUser;
  let staff: TestUser;
  let secretaryB: TestUser;
  let doc: DocumentRef;
  let ncId: string;
  let caId: string;
  let a1: Task;
  let a2: Task;

  const api = (user: TestUser) => apiAs(ctx, user);
  const ca = (path = '') => `/corrective-actions/${caId}${path}`;
  const expectError = (res: { status: number; body: { code?: string } }, status: number, code: string) =>
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  const etagOf = async (user: TestUser, path: string): Promise<string> => {
    const res = await api(user).get(path);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    return res.headers.etag;
  };
  const raiseNc = async (title: string): Promise<string> => {
    const res = await api(circle.secretary).post('/nonconformities', {
      source: 'self',
      severity: 'major',
      title,
      description: `${title}: phát hiện khi rà soát hồ sơ.`,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const inbox = async (user: TestUser, entityId: string): Promise<string[]> =>
    ((await api(user).get('/notifications?pageSize=100')).body.items as { kind: string; entityId: string }[])
      .filter((n) => n.entityId === entityId)
      .map((n) => n.kind)
      .sort();

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true, clock });
    agencyId = (await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum' })).id;
    circle = await newDraftingCircle(ctx, agencyId);
    auditor = await ctx.newUser({ roles: [Role.Auditor], agencyId, fullName: 'Lê Văn Kiểm' });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId, fullName: 'Phạm Thị Làm' });
    const agencyB = (await ctx.newAgency({ name: 'Sở Y tế tỉnh Kon Tum' })).id;
    secretaryB = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agencyB });
    doc = await effectiveDocument(ctx, circle, 'QT-KP-01');
    ncId = await raiseNc('Trả kết quả hồ sơ trễ hẹn');
  });
  afterAll(async () => {
    if (ctx?.worker) await waitForQueuesToDrain(ctx.worker);
    await ctx?.close();
  });

  it('opens one corrective action per nonconformity, and refuses an incomplete plan listing what lacks', async () => {
    const created = await api(circle.reviewer).post('/corrective-actions', {
      nonconformityId: ncId,
      correction: 'Đã trả kết quả và xin lỗi công dân.',
      whys: ['Hồ sơ chờ ký', 'Lãnh đạo đi công tác'],
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe(`"${created.body.version}"`);
    expect(created.body).toMatchObject({
      state: 'open',
      stateLabel: 'Mới mở',
      round: 1,
      verificationDelayDays: 90,
      verificationDue: null,
      whys: ['Hồ sơ chờ ký', 'Lãnh đạo đi công tác'],
      nonconformity: { id: ncId, state: 'open', severity: 'major' },
      actions: [],
      verifications: [],
    });
    expect(created.body.nonconformity.number).toMatch(/^\d{2}\/2027$/);
    caId = created.body.id as string;

    expectError(
      await api(circle.secretary).post('/corrective-actions', { nonconformityId: ncId }),
      409,
      'CORRECTIVE_ACTION_EXISTS',
    );
    expectError(await api(staff).post('/corrective-actions', { nonconformityId: ncId }), 403, 'FORBIDDEN');
    expectError(
      await api(circle.reviewer).post('/corrective-actions', {
        nonconformityId: ncId,
        whys: ['1', '2', '3', '4', '5', '6'],
      }),
      400,
      'VALIDATION_FAILED',
    );

    const plan = await api(circle.reviewer).post(ca('/plan'));
    expectError(plan, 422, 'CORRECTIVE_ACTION_PLAN_INCOMPLETE');
    expect(plan.body.details.missing).toEqual(['rootCause', 'actions', 'verifier']);
    expect(plan.body.message).toBe(
      'Kế hoạch hành động khắc phục chưa đủ, còn thiếu: nguyên nhân gốc rễ, ít nhất một hành động khắc phục và người kiểm tra hiệu lực.',
    );
  });

  it('edits against the version read, and keeps the verifier independent of the actions', async () => {
    const body = { rootCause: 'Quy trình chưa có bước kiểm soát thời hạn.', verifierId: auditor.id };
    expectError(await api(circle.reviewer).patch(ca(), body), 428, 'PRECONDITION_REQUIRED');
    expectError(await api(circle.reviewer).patch(ca(), body, '"999"'), 412, 'PRECONDITION_FAILED');
    const edited = await api(circle.reviewer).patch(ca(), body, await etagOf(circle.reviewer, ca()));
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      rootCause: body.rootCause,
      verifierId: auditor.id,
      verifier: { fullName: 'Lê Văn Kiểm' },
    });

    const notVerifier = await api(circle.reviewer).patch(
      ca(),
      { verifierId: staff.id },
      await etagOf(circle.reviewer, ca()),
    );
    expectError(notVerifier, 422, 'CORRECTIVE_ACTION_VERIFIER_NOT_ELIGIBLE');
    expect(notVerifier.body.message).toBe(
      'Phạm Thị Làm không có vai trò đánh giá viên nội bộ, thư ký ISO hoặc lãnh đạo phê duyệt nên không được phân công kiểm tra hiệu lực.',
    );

    // The verifier cannot be given an action…
    const toVerifier = await api(circle.reviewer).post(ca('/actions'), {
      description: 'Tự kiểm tra lại hồ sơ',
      ownerId: auditor.id,
      dueDate: '2027-01-31',
    });
    expectError(toVerifier, 422, 'CORRECTIVE_ACTION_SELF_VERIFICATION');
    expect(toVerifier.body.message).toContain(
      'Lê Văn Kiểm đang là người thực hiện hành động "Tự kiểm tra lại hồ sơ"',
    );

    expectError(
      await api(circle.reviewer).post(ca('/actions'), {
        description: '    ',
        ownerId: staff.id,
        dueDate: '2027-01-31',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await api(circle.reviewer).patch(ca(), { rootCause: '   ' }, await etagOf(circle.reviewer, ca())),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await api(circle.reviewer).post(ca('/actions'), {
        description: 'Quá hạn',
        ownerId: staff.id,
        dueDate: '2027-01-09',
      }),
      422,
      'CORRECTIVE_ACTION_DUE_DATE_PAST',
    );
    expectError(
      await api(circle.reviewer).post(ca('/actions'), {
        description: 'Sửa tài liệu không có',
        ownerId: staff.id,
        dueDate: '2027-01-31',
        documentId: '00000000-0000-4000-8000-000000000001',
      }),
      422,
      'CORRECTIVE_ACTION_DOCUMENT_INVALID',
    );
    const added = await api(circle.reviewer).post(ca('/actions'), {
      description: 'Bổ sung bước kiểm soát thời hạn vào quy trình QT-KP-01',
      ownerId: staff.id,
      dueDate: '2027-01-31',
      documentId: doc.id,
    });
    expect(added.status).toBe(201);
    expect(added.headers.etag).toBe(`"${added.body.version}"`);
    a1 = added.body as Task;
    expect(a1).toMatchObject({
      round: 1,
      document: { code: 'QT-KP-01', issueAtRaise: 1, issueInForce: 1, revised: false },
      correctiveAction: { state: 'open', round: 1 },
    });
    a2 = (
      await api(circle.reviewer).post(ca('/actions'), {
        description: 'Phổ biến quy trình cho bộ phận một cửa',
        ownerId: circle.drafter.id,
        dueDate: '2027-02-15',
      })
    ).body as Task;
    const a3 = await api(circle.reviewer).post(ca('/actions'), {
      description: 'Lãnh đạo ủy quyền ký khi đi công tác',
      ownerId: circle.approver.id,
      dueDate: '2027-02-15',
    });
    expect(a3.status).toBe(201);

    // …nor can someone who owns one be made the verifier.
    const ownsOne = await api(circle.reviewer).patch(
      ca(),
      { verifierId: circle.approver.id },
      await etagOf(circle.reviewer, ca()),
    );
    expectError(ownsOne, 422, 'CORRECTIVE_ACTION_SELF_VERIFICATION');
    expect((await api(circle.reviewer).del(ca(`/actions/${a3.body.id}`))).status).toBe(204);
    expectError(
      await api(circle.reviewer).get(ca(`/actions/${a3.body.id}`)),
      404,
      'CORRECTIVE_ACTION_TASK_NOT_FOUND',
    );

    const task = await api(circle.reviewer).patch(
      ca(`/actions/${a2.id}`),
      { dueDate: '2027-02-20' },
      await etagOf(circle.reviewer, ca(`/actions/${a2.id}`)),
    );
    expect(task.status).toBe(200);
    expect(task.body).toMatchObject({ dueDate: '2027-02-20', version: 2 });
    a2 = task.body as Task;
    // The owner hears of the new due date.
    expect(await inbox(circle.drafter, caId)).toEqual([
      'corrective_action.action_assigned',
      'corrective_action.action_rescheduled',
    ]);
    const drafterNotes = (await api(circle.drafter).get('/notifications?pageSize=100')).body.items as {
      kind: string;
      body: string;
    }[];
    expect(drafterNotes.find((n) => n.kind === 'corrective_action.action_rescheduled')!.body).toContain(
      'do bạn thực hiện từ ngày 15/02/2027 sang ngày 20/02/2027.',
    );
    // Given to someone else and back: the first owner is told again.
    const reassign = async (ownerId: string) => {
      const res = await api(circle.reviewer).patch(
        ca(`/actions/${a2.id}`),
        { ownerId },
        await etagOf(circle.reviewer, ca(`/actions/${a2.id}`)),
      );
      expect(res.status).toBe(200);
      a2 = res.body as Task;
    };
    await reassign(circle.secretary.id);
    await reassign(circle.drafter.id);
    expect(await inbox(circle.drafter, caId)).toEqual([
      'corrective_action.action_assigned',
      'corrective_action.action_assigned',
      'corrective_action.action_rescheduled',
    ]);
    expect(await inbox(circle.secretary, caId)).toEqual(['corrective_action.action_assigned']);
  });

  it('plans and starts; only the owner reports an action done, in progress, with a date that can be', async () => {
    expectError(
      await api(staff).post(ca(`/actions/${a1.id}/done`), { note: 'Đã sửa quy trình.' }),
      409,
      'CORRECTIVE_ACTION_NOT_IN_PROGRESS',
    );
    expectError(
      await api(circle.reviewer).post(ca('/plan')).set('If-Match', '"1"'),
      412,
      'PRECONDITION_FAILED',
    );
    const planned = await api(circle.reviewer).post(ca('/plan'));
    expect(planned.status).toBe(200);
    expect(planned.body.state).toBe('planned');
    expectError(await api(circle.reviewer).post(ca('/plan')), 409, 'CORRECTIVE_ACTION_INVALID_TRANSITION');
    const started = await api(circle.reviewer)
      .post(ca('/start'))
      .set('If-Match', `"${planned.body.version}"`);
    expect(started.status).toBe(200);
    expect(started.body.state).toBe('in_progress');

    const byOther = await api(circle.drafter).post(ca(`/actions/${a1.id}/done`), {
      note: 'Đã sửa quy trình.',
    });
    expectError(byOther, 403, 'CORRECTIVE_ACTION_NOT_ACTION_OWNER');
    expect(byOther.body.message).toBe(
      'Chỉ người được giao thực hiện hành động "Bổ sung bước kiểm soát thời hạn vào quy trình QT-KP-01" mới được báo cáo hoàn thành hoặc bổ sung bằng chứng.',
    );
    expectError(
      await api(staff).post(ca(`/actions/${a1.id}/done`), { note: '   ' }),
      400,
      'VALIDATION_FAILED',
    );
    const future = await api(staff).post(ca(`/actions/${a1.id}/done`), {
      note: 'Xong',
      doneOn: '2027-01-11',
    });
    expectError(future, 422, 'CORRECTIVE_ACTION_DONE_DATE_INVALID');
    expect(future.body.message).toBe('Ngày hoàn thành 11/01/2027 chưa đến; không báo cáo hoàn thành trước.');

    // Evidence: the owner adds a file while the action is not done.
    const up = await api(staff).upload(
      ca(`/actions/${a1.id}/files`),
      'bang-chung.pdf',
      await samplePdf('bang-chung'),
    );
    expect(up.status).toBe(201);
    const files = await api(circle.secretary).get(ca(`/actions/${a1.id}/files`));
    expect(files.body).toEqual([expect.objectContaining({ id: up.body.id, name: 'bang-chung.pdf' })]);
    const download = await api(circle.secretary).binary(ca(`/actions/${a1.id}/files/${up.body.id}`));
    expect(download.status).toBe(200);
    expect(download.headers.etag).toBe(`"${up.body.sha256}"`);
    expectError(
      await api(circle.drafter).upload(ca(`/actions/${a1.id}/files`), 'khac.pdf', await samplePdf('khac')),
      403,
      'CORRECTIVE_ACTION_NOT_ACTION_OWNER',
    );

    // A manager may add evidence too; an action with evidence is not deleted until its files are.
    const managed = await api(circle.reviewer).upload(
      ca(`/actions/${a2.id}/files`),
      'ke-hoach.pdf',
      await samplePdf('ke-hoach'),
    );
    expect(managed.status).toBe(201);
    expectError(
      await api(circle.reviewer).del(ca(`/actions/${a2.id}`)),
      409,
      'CORRECTIVE_ACTION_TASK_HAS_FILES',
    );
    expect((await api(circle.reviewer).del(ca(`/actions/${a2.id}/files/${managed.body.id}`))).status).toBe(
      204,
    );
    expectError(
      await api(circle.reviewer).get(ca(`/actions/${a2.id}/files/${managed.body.id}`)),
      404,
      'CORRECTIVE_ACTION_FILE_NOT_FOUND',
    );

    const done = await api(staff).post(ca(`/actions/${a1.id}/done`), { note: 'Đã trình sửa đổi quy trình.' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ doneOn: '2027-01-10', correctiveAction: { state: 'in_progress' } });
    expectError(
      await api(circle.reviewer).patch(
        ca(`/actions/${a1.id}`),
        { dueDate: '2027-03-01' },
        `"${done.body.version}"`,
      ),
      409,
      'CORRECTIVE_ACTION_TASK_DONE',
    );
    expectError(
      await api(staff).upload(ca(`/actions/${a1.id}/files`), 'muon.pdf', await samplePdf('muon')),
      409,
      'CORRECTIVE_ACTION_TASK_DONE',
    );

    // The last action of the round done: verifying, due 90 days after the last done date.
    clock.set('2027-01-20T02:00:00Z');
    const last = await api(circle.drafter).post(ca(`/actions/${a2.id}/done`), {
      note: 'Đã phổ biến tại cuộc họp giao ban.',
      doneOn: '2027-01-18',
    });
    expect(last.status).toBe(200);
    expect(last.body.correctiveAction).toMatchObject({ state: 'verifying', verificationDue: '2027-04-18' });
    expect(await inbox(auditor, caId)).toEqual(['corrective_action.verification_started']);
    expect(await inbox(staff, caId)).toEqual(['corrective_action.action_assigned']);

    const view = await api(circle.reviewer).get(ca());
    expect(view.body.closeBlockers.map((b: { kind: string }) => b.kind)).toEqual([
      'document_not_revised',
      'verification_not_due',
    ]);
    expect(view.body.closeBlockers[1].message).toBe('Chưa đến hạn kiểm tra hiệu lực (ngày 18/04/2027).');
    expectError(
      await api(circle.reviewer).post(ca('/actions'), {
        description: 'Thêm',
        ownerId: staff.id,
        dueDate: '2027-02-01',
      }),
      409,
      'CORRECTIVE_ACTION_ACTIONS_LOCKED',
    );
  });

  it('verifies by the assigned verifier only; "not effective" reopens a second round with its reason', async () => {
    expectError(
      await api(circle.secretary).post(ca('/verification'), { effective: false, reason: 'Chưa đạt' }),
      403,
      'CORRECTIVE_ACTION_NOT_VERIFIER',
    );
    const early = await api(auditor).post(ca('/verification'), { effective: true, reason: 'Đạt' });
    expectError(early, 422, 'CORRECTIVE_ACTION_VERIFICATION_TOO_EARLY');
    expect(early.body.message).toBe(
      'Chưa đến hạn kiểm tra hiệu lực: chỉ kết luận hành động khắc phục có hiệu lực từ ngày 18/04/2027.',
    );
    expectError(
      await api(auditor).post(ca('/verification'), { effective: false }),
      422,
      'CORRECTIVE_ACTION_REASON_REQUIRED',
    );
    // Blank text is refused at the edge, with the field named.
    const blank = await api(auditor).post(ca('/verification'), { effective: false, reason: '   ' });
    expectError(blank, 400, 'VALIDATION_FAILED');
    expect(blank.body.message).toContain('không được để trống hoặc chỉ gồm khoảng trắng');
    expectError(
      await api(staff).post(ca('/verification'), { effective: false, reason: 'x' }),
      403,
      'FORBIDDEN',
    );

    const reopened = await api(auditor).post(ca('/verification'), {
      effective: false,
      reason: 'Tháng 01/2027 vẫn còn 3 hồ sơ trễ hẹn.',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      state: 'in_progress',
      round: 2,
      verificationDue: null,
      verifications: [
        {
          round: 1,
          effective: false,
          reason: 'Tháng 01/2027 vẫn còn 3 hồ sơ trễ hẹn.',
          verifierName: 'Lê Văn Kiểm',
        },
      ],
    });
    expect(
      reopened.body.actions.map((a: Task & { currentRound: boolean }) => [a.round, a.currentRound]),
    ).toEqual([
      [1, false],
      [1, false],
    ]);
    expect(await inbox(circle.reviewer, caId)).toEqual(['corrective_action.reopened']);
    expect(await inbox(staff, caId)).toEqual([
      'corrective_action.action_assigned',
      'corrective_action.reopened',
    ]);
    expectError(
      await api(circle.reviewer).del(ca(`/actions/${a1.id}`)),
      409,
      'CORRECTIVE_ACTION_TASK_PAST_ROUND',
    );
  });

  it('closes only after the check is due and the linked document has a newer issue in force', async () => {
    const b1 = await api(circle.reviewer).post(ca('/actions'), {
      description: 'Ban hành quy trình QT-KP-01 sửa đổi',
      ownerId: staff.id,
      dueDate: '2027-02-28',
      documentId: doc.id,
    });
    expect(b1.status).toBe(201);
    expect(b1.body).toMatchObject({ round: 2, currentRound: true, document: { issueAtRaise: 1 } });
    const done = await api(staff).post(ca(`/actions/${b1.body.id}/done`), { note: 'Đã trình ban hành.' });
    expect(done.body.correctiveAction).toMatchObject({
      state: 'verifying',
      round: 2,
      verificationDue: '2027-04-20',
    });

    clock.set('2027-04-21T02:00:00Z');
    const notRevised = await api(auditor).post(ca('/verification'), {
      effective: true,
      reason: 'Không còn trễ hẹn.',
    });
    expectError(notRevised, 422, 'CORRECTIVE_ACTION_DOCUMENT_NOT_REVISED');
    expect(notRevised.body.message).toBe(
      'Tài liệu QT-KP-01 chưa có phiên bản mới có hiệu lực (khi giao hành động: lần ban hành 1; đang hiệu lực: lần ban hành 1).',
    );

    // Document control reopens: a revision is approved and issued (lần ban hành 2) for 25/04.
    const revision = { id: doc.id, versionId: await newRevision(ctx, circle.drafter, doc.id) };
    await approvedVersion(ctx, circle, revision, 'QT-KP-01-lan-2');
    const issued = await issueVersion(ctx, circle, revision, '2027-04-25');
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ issueNumber: 2, state: 'scheduled' });
    // Issued but not yet in force: still not revised.
    expectError(
      await api(auditor).post(ca('/verification'), { effective: true, reason: 'Không còn trễ hẹn.' }),
      422,
      'CORRECTIVE_ACTION_DOCUMENT_NOT_REVISED',
    );
    clock.set('2027-04-25T02:00:00Z');
    await ctx
      .worker!.get(JobHandlerRegistry)
      .dispatch(JobName.DocumentsActivateScheduled, {}, { jobId: `test-${Date.now()}`, attempt: 1 });

    const closed = await api(auditor).post(ca('/verification'), {
      effective: true,
      reason: 'Ba tháng không còn hồ sơ trễ hẹn.',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      state: 'closed',
      stateLabel: 'Đã kết thúc',
      closeBlockers: [],
      nonconformity: { state: 'closed' },
      verifications: [
        { round: 1, effective: false },
        { round: 2, effective: true },
      ],
    });
    expect(closed.body.closedAt).toBe('2027-04-25T02:00:00.000Z');
    expect(closed.body.actions.find((a: Task) => a.id === b1.body.id).document).toMatchObject({
      issueAtRaise: 1,
      issueInForce: 2,
      revised: true,
    });
    const nc = await api(circle.secretary).get(`/nonconformities/${ncId}`);
    expect(nc.body.state).toBe('closed');
    expect(await inbox(staff, caId)).toContain('corrective_action.closed');

    expectError(
      await api(circle.reviewer).patch(ca(), { correction: 'Sửa sau khi đóng' }, `"${closed.body.version}"`),
      409,
      'CORRECTIVE_ACTION_CLOSED',
    );
    expect(await auditActions(ctx, caId)).toEqual([
      'corrective_action.created',
      'corrective_action.updated',
      'corrective_action.action_added',
      'corrective_action.action_added',
      'corrective_action.action_added',
      'corrective_action.action_removed',
      'corrective_action.action_updated',
      'corrective_action.action_updated',
      'corrective_action.action_updated',
      'corrective_action.planned',
      'corrective_action.started',
      'corrective_action.action_done',
      'corrective_action.action_done',
      'corrective_action.verified',
      'corrective_action.reopened',
      'corrective_action.action_added',
      'corrective_action.action_done',
      'corrective_action.verified',
      'corrective_action.closed',
    ]);
  });

  it('refuses a corrective action for a closed nonconformity', async () => {
    expectError(
      await api(circle.secretary).post('/corrective-actions', { nonconformityId: ncId }),
      409,
      'CORRECTIVE_ACTION_NONCONFORMITY_CLOSED',
    );
  });

  it('lists the board with its counts and filters', async () => {
    const nc2 = await raiseNc('Thiếu sổ theo dõi hồ sơ');
    const second = await api(circle.secretary).post('/corrective-actions', {
      nonconformityId: nc2,
      verifierId: auditor.id,
    });
    expect(second.status).toBe(201);
    const task = await api(circle.secretary).post(`/corrective-actions/${second.body.id}/actions`, {
      description: 'Lập sổ theo dõi',
      ownerId: circle.drafter.id,
      dueDate: '2027-04-26',
    });
    expect(task.status).toBe(201);

    const all = await api(circle.secretary).get('/corrective-actions');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    // By state: open before closed.
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([second.body.id, caId]);
    expect(all.body.items[0]).toMatchObject({
      state: 'open',
      actions: { total: 1, done: 0, overdue: 0 },
      nextDueDate: '2027-04-26',
      verifierId: auditor.id,
    });
    expect(all.body.items[1]).toMatchObject({
      state: 'closed',
      round: 2,
      actions: { total: 1, done: 1, overdue: 0 },
    });

    const ids = async (query: string) =>
      ((await api(circle.secretary).get(`/corrective-actions?${query}`)).body.items as { id: string }[]).map(
        (i) => i.id,
      );
    expect(await ids('state=closed')).toEqual([caId]);
    expect(await ids(`ownerId=${staff.id}`)).toEqual([caId]);
    expect(await ids(`nonconformityId=${nc2}`)).toEqual([second.body.id]);
    expect(await ids('overdue=true')).toEqual([]);
    clock.set('2027-04-27T02:00:00Z');
    expect(await ids('overdue=true')).toEqual([second.body.id]);
    expect(await ids('overdue=false')).toEqual([caId]);
    expect((await api(circle.secretary).get('/corrective-actions?state=nope')).status).toBe(400);
  });

  it('races end in one winner: one corrective action per nonconformity, positions, one check per round', async () => {
    const nc = await raiseNc('Biểu mẫu cũ còn được sử dụng');
    // uq_corrective_action_nonconformity: ten openings for one nonconformity make one.
    const opened = expectOneWinner(
      await raceAtTableLock(ctx.db.url, 'corrective_action', 10, () =>
        api(circle.secretary).post('/corrective-actions', {
          nonconformityId: nc,
          verifierId: auditor.id,
          rootCause: 'Chưa thu hồi bản cũ',
        }),
      ),
      'CORRECTIVE_ACTION_EXISTS',
    );
    const path = `/corrective-actions/${opened.body.id}`;
    // uq_corrective_action_task_position: ten actions at once get ten positions.
    const added = await race(10, (i) =>
      api(circle.secretary).post(`${path}/actions`, {
        description: `Thu hồi bản cũ tại bộ phận ${i + 1}`,
        ownerId: staff.id,
        dueDate: '2027-05-31',
      }),
    );
    expect(added.map((r) => r.status)).toEqual(Array<number>(10).fill(201));
    expect(new Set(added.map((r) => r.body.position as number)).size).toBe(10);
    expect((await api(circle.secretary).post(`${path}/plan`)).status).toBe(200);
    expect((await api(circle.secretary).post(`${path}/start`)).status).toBe(200);
    // The ten owners' reports at once: the last one moves it to verifying, exactly once.
    const done = await race(10, (i) =>
      api(staff).post(`${path}/actions/${added[i].body.id}/done`, { note: 'Đã thu hồi.' }),
    );
    expect(done.map((r) => r.status)).toEqual(Array<number>(10).fill(200));
    expect((await api(circle.secretary).get(path)).body).toMatchObject({
      state: 'verifying',
      verificationDue: '2027-07-26',
    });
    // While the check waits, a shorter delay would bring it forward: refused, naming the due date.
    const shorter = await api(circle.secretary).patch(
      path,
      { verificationDelayDays: 30 },
      await etagOf(circle.secretary, path),
    );
    expectError(shorter, 422, 'CORRECTIVE_ACTION_DELAY_LOCKED');
    expect(shorter.body.message).toBe(
      'Đang chờ kiểm tra hiệu lực, hạn kiểm tra từ ngày 26/07/2027: không được rút ngắn thời gian chờ ' +
        'để kiểm tra sớm hơn; chỉ được giữ nguyên hoặc kéo dài.',
    );
    // A longer one moves the due check with it (from the last done date).
    const longer = await api(circle.secretary).patch(
      path,
      { verificationDelayDays: 120 },
      await etagOf(circle.secretary, path),
    );
    expect(longer.body).toMatchObject({ verificationDelayDays: 120, verificationDue: '2027-08-25' });
    // uq_corrective_action_verification_round: five checks at once record one.
    expectOneWinner(
      await race(5, () =>
        api(auditor).post(`${path}/verification`, { effective: false, reason: 'Còn bản cũ.' }),
      ),
      'CORRECTIVE_ACTION_INVALID_TRANSITION',
    );
    expect((await api(circle.secretary).get(path)).body).toMatchObject({ state: 'in_progress', round: 2 });
  });

  it('counts a withdrawn linked document as settled, and gives actions only to people who can do them', async () => {
    const withdrawnDoc = await effectiveDocument(ctx, circle, 'QT-KP-02');
    const nc = await raiseNc('Quy trình cấp bản sao không còn áp dụng');
    const opened = await api(circle.secretary).post('/corrective-actions', {
      nonconformityId: nc,
      verifierId: auditor.id,
      rootCause: 'Quy trình không còn phù hợp với quy định mới.',
      verificationDelayDays: 1,
    });
    expect(opened.status).toBe(201);
    const path = `/corrective-actions/${opened.body.id}`;

    // An overseer attached to the agency cannot report work done: not an owner.
    const overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId, fullName: 'Hồ Văn Giám Sát' });
    expectError(
      await api(circle.secretary).post(`${path}/actions`, {
        description: 'Rà soát quy trình',
        ownerId: overseer.id,
        dueDate: '2027-05-31',
      }),
      422,
      'CORRECTIVE_ACTION_OWNER_NOT_ELIGIBLE',
    );

    const added = await api(circle.secretary).post(`${path}/actions`, {
      description: 'Đề nghị bãi bỏ quy trình QT-KP-02',
      ownerId: staff.id,
      dueDate: '2027-05-31',
      documentId: withdrawnDoc.id,
    });
    expect(added.status).toBe(201);
    expect((await api(circle.secretary).post(`${path}/plan`)).status).toBe(200);
    expect((await api(circle.secretary).post(`${path}/start`)).status).toBe(200);
    const done = await api(staff).post(`${path}/actions/${added.body.id}/done`, { note: 'Đã trình bãi bỏ' });
    expect(done.body.correctiveAction).toMatchObject({ state: 'verifying', verificationDue: '2027-04-28' });
    clock.set('2027-04-28T02:00:00Z');
    expectError(
      await api(auditor).post(`${path}/verification`, { effective: true, reason: 'Đạt' }),
      422,
      'CORRECTIVE_ACTION_DOCUMENT_NOT_REVISED',
    );

    // Document control withdraws it: nothing left to revise.
    const withdrawn = await api(circle.approver).post(`/documents/${withdrawnDoc.id}/withdraw`, {
      password: USER_PASSWORD,
      reason: 'Bãi bỏ theo quy định mới',
    });
    expect(withdrawn.status).toBe(200);
    const blockers = (await api(circle.secretary).get(path)).body.closeBlockers as { kind: string }[];
    expect(blockers.map((b) => b.kind)).toEqual(['verification_pending']);
    const closed = await api(auditor).post(`${path}/verification`, {
      effective: true,
      reason: 'Quy trình đã được bãi bỏ.',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', closeBlockers: [] });
  });

  it('shows its trail, the evidence files’ included, to the agency in Vietnamese', async () => {
    const events = async (entityId: string) =>
      (
        (
          await api(circle.secretary).get(
            `/audit-events?agencyId=${agencyId}&entityId=${entityId}&pageSize=100`,
          )
        ).body.items as {
          action: string;
          actionLabel: string;
          redacted: boolean;
          subjectName: string | null;
        }[]
      ).map((e) => ({
        action: e.action,
        label: e.actionLabel,
        redacted: e.redacted,
        subject: e.subjectName,
      }));
    expect(await events(a1.id)).toEqual([
      {
        action: 'corrective_action_task_file.uploaded',
        label: 'Tải lên tệp bằng chứng của hành động khắc phục',
        redacted: false,
        subject: 'Hành động khắc phục "Bổ sung bước kiểm soát thời hạn vào quy trình QT-KP-01"',
      },
    ]);
    const trail = await events(caId);
    expect(trail.every((e) => !e.redacted)).toBe(true);
    expect(trail.map((e) => e.label)).toContain('Hành động khắc phục chưa có hiệu lực, thực hiện lại');
  });

  it('answers another agency 404, as if nothing existed', async () => {
    const b = api(secretaryB);
    expectError(await b.get(ca()), 404, 'CORRECTIVE_ACTION_NOT_FOUND');
    expectError(await b.patch(ca(), { correction: 'x' }, '"1"'), 404, 'CORRECTIVE_ACTION_NOT_FOUND');
    expectError(
      await b.post(ca('/verification'), { effective: false, reason: 'x' }),
      404,
      'CORRECTIVE_ACTION_NOT_FOUND',
    );
    expectError(await b.get(ca(`/actions/${a1.id}`)), 404, 'CORRECTIVE_ACTION_NOT_FOUND');
    expectError(await b.get(ca(`/actions/${a1.id}/files`)), 404, 'CORRECTIVE_ACTION_NOT_FOUND');
    expectError(
      await b.post('/corrective-actions', { nonconformityId: ncId }),
      404,
      'NONCONFORMITY_NOT_FOUND',
    );
    expect((await b.get('/corrective-actions')).body.total).toBe(0);
    expectError(await api(circle.secretary).get('/corrective-actions/not-a-uuid'), 400, 'VALIDATION_FAILED');
  });
});
