import { DomainException, ErrorCode, Role } from '@eiso/common';
import { CorrectiveActionState } from './capa-state';
import {
  ActionFacts,
  assertCanClose,
  assertDoneOn,
  assertDueDate,
  assertIsActionOwner,
  assertIsAssignedVerifier,
  assertOwnerEligible,
  assertPlanComplete,
  assertReason,
  assertVerifierEligible,
  assertVerifierOwnsNoAction,
  closeBlockers,
  documentRevisions,
  Person,
  planGaps,
  roundComplete,
  verificationDueOf,
} from './corrective-action-duties';

const AGENCY = 'agency-1';

function refusal(work: () => unknown): DomainException {
  try {
    work();
  } catch (e) {
    if (e instanceof DomainException) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const person = (over: Partial<Person> = {}): Person => ({
  id: 'u-1',
  fullName: 'Nguyễn Văn An',
  agencyId: AGENCY,
  roles: [Role.Auditor],
  active: true,
  ...over,
});

const action = (over: Partial<ActionFacts> = {}): ActionFacts => ({
  id: 'a-1',
  round: 1,
  position: 1,
  description: 'Sửa quy trình',
  ownerId: 'owner-1',
  dueDate: '2027-02-01',
  doneOn: null,
  documentId: null,
  documentIssueAtRaise: null,
  ...over,
});

describe('who may verify and who may act', () => {
  it.each([Role.Auditor, Role.IsoSecretary, Role.Approver])('a %s of the agency may verify', (role) => {
    expect(() => assertVerifierEligible(person({ roles: [role] }), AGENCY)).not.toThrow();
  });

  it.each([Role.Drafter, Role.Reviewer, Role.Staff, Role.Overseer, Role.Admin])(
    'a %s may not verify, and is told why by name',
    (role) => {
      const e = refusal(() => assertVerifierEligible(person({ roles: [role] }), AGENCY));
      expect(e.code).toBe(ErrorCode.CorrectiveActionVerifierNotEligible);
      expect(e.details?.message).toBe(
        'Nguyễn Văn An không có vai trò đánh giá viên nội bộ, thư ký ISO hoặc lãnh đạo phê duyệt nên không được phân công kiểm tra hiệu lực.',
      );
    },
  );

  it('refuses a verifier of another agency, an inactive one and an unknown one alike', () => {
    for (const p of [person({ agencyId: 'other' }), person({ active: false }), null]) {
      expect(refusal(() => assertVerifierEligible(p, AGENCY)).code).toBe(
        ErrorCode.CorrectiveActionVerifierNotEligible,
      );
    }
  });

  it('an owner is an active account of the agency that can work on corrective actions', () => {
    expect(() => assertOwnerEligible(person({ roles: [Role.Staff] }), AGENCY)).not.toThrow();
    expect(() => assertOwnerEligible(person({ roles: [Role.Drafter, Role.Admin] }), AGENCY)).not.toThrow();
    for (const p of [
      person({ agencyId: 'other' }),
      person({ active: false }),
      undefined,
      person({ roles: [Role.Overseer] }),
      person({ roles: [Role.Admin] }),
      person({ roles: [] }),
    ]) {
      expect(refusal(() => assertOwnerEligible(p, AGENCY)).code).toBe(
        ErrorCode.CorrectiveActionOwnerNotEligible,
      );
    }
  });
});

describe('segregation of duties', () => {
  it('refuses a verifier who owns an action, in any round, naming the actions', () => {
    const actions = [action(), action({ id: 'a-2', round: 2, ownerId: 'v-1', description: 'Đào tạo lại' })];
    const e = refusal(() => assertVerifierOwnsNoAction('v-1', actions, 'Trần Thị Bình'));
    expect(e.code).toBe(ErrorCode.CorrectiveActionSelfVerification);
    expect(e.details?.message).toBe(
      'Trần Thị Bình đang là người thực hiện hành động "Đào tạo lại" của phiếu này; người kiểm tra hiệu lực phải độc lập với các hành động được kiểm tra.',
    );
    expect(() => assertVerifierOwnsNoAction('v-2', actions)).not.toThrow();
    expect(() => assertVerifierOwnsNoAction(null, actions)).not.toThrow();
  });

  it('lets only the assigned verifier record the check', () => {
    expect(() => assertIsAssignedVerifier('v-1', 'v-1')).not.toThrow();
    expect(refusal(() => assertIsAssignedVerifier('v-2', 'v-1')).code).toBe(
      ErrorCode.CorrectiveActionNotVerifier,
    );
    const none = refusal(() => assertIsAssignedVerifier('v-2', null));
    expect(none.code).toBe(ErrorCode.CorrectiveActionNotVerifier);
    expect(none.details?.message).toBe('Phiếu chưa được phân công người kiểm tra hiệu lực.');
  });

  it('lets only the owner report an action done', () => {
    expect(() => assertIsActionOwner('owner-1', action())).not.toThrow();
    const e = refusal(() => assertIsActionOwner('someone', action()));
    expect(e.code).toBe(ErrorCode.CorrectiveActionNotActionOwner);
    expect(e.details?.message).toContain('"Sửa quy trình"');
  });
});

describe('dates', () => {
  it('takes a due date from today on', () => {
    expect(() => assertDueDate('2027-01-10', '2027-01-10')).not.toThrow();
    const e = refusal(() => assertDueDate('2027-01-09', '2027-01-10'));
    expect(e.code).toBe(ErrorCode.CorrectiveActionDueDatePast);
    expect(e.details?.message).toBe('Hạn hoàn thành 09/01/2027 đã qua; hạn phải từ ngày 10/01/2027 trở đi.');
  });

  it('takes a done date between the day the action was given and today', () => {
    expect(() => assertDoneOn('2027-01-10', '2027-01-10', '2027-01-05')).not.toThrow();
    expect(() => assertDoneOn('2027-01-05', '2027-01-10', '2027-01-05')).not.toThrow();
    const future = refusal(() => assertDoneOn('2027-01-11', '2027-01-10', '2027-01-05'));
    expect(future.code).toBe(ErrorCode.CorrectiveActionDoneDateInvalid);
    expect(future.details?.message).toBe(
      'Ngày hoàn thành 11/01/2027 chưa đến; không báo cáo hoàn thành trước.',
    );
    const early = refusal(() => assertDoneOn('2027-01-04', '2027-01-10', '2027-01-05'));
    expect(early.details?.message).toBe('Ngày hoàn thành 04/01/2027 trước ngày giao hành động (05/01/2027).');
  });

  it('makes the check due the delay after the last done date of the round', () => {
    expect(verificationDueOf(['2027-02-10', '2027-03-01', '2027-01-20'], 90)).toBe('2027-05-30');
    expect(verificationDueOf(['2027-12-31'], 1)).toBe('2028-01-01');
    expect(() => verificationDueOf([], 90)).toThrow();
  });

  it('counts a round complete when it has actions and all are done', () => {
    const done = action({ doneOn: '2027-01-10' });
    expect(roundComplete([done], 1)).toBe(true);
    expect(roundComplete([done, action({ id: 'a-2' })], 1)).toBe(false);
    expect(roundComplete([done], 2)).toBe(false);
    expect(roundComplete([done, action({ id: 'a-2', round: 2, doneOn: '2027-02-01' })], 2)).toBe(true);
  });
});

describe('the plan', () => {
  it('needs a root cause, an action of the current round and a verifier; not a correction', () => {
    const ca = { rootCause: 'Thiếu bước kiểm soát', verifierId: 'v-1', round: 1 };
    expect(planGaps(ca, [action()])).toEqual([]);
    expect(planGaps({ rootCause: '  ', verifierId: null, round: 2 }, [action()])).toEqual([
      'rootCause',
      'actions',
      'verifier',
    ]);
    const e = refusal(() => assertPlanComplete({ ...ca, rootCause: null, verifierId: null }, []));
    expect(e.code).toBe(ErrorCode.CorrectiveActionPlanIncomplete);
    expect(e.details).toEqual({
      missing: ['rootCause', 'actions', 'verifier'],
      message:
        'Kế hoạch hành động khắc phục chưa đủ, còn thiếu: nguyên nhân gốc rễ, ít nhất một hành động khắc phục và người kiểm tra hiệu lực.',
    });
  });
});

describe('closing', () => {
  const inForce = new Map([
    ['d-1', { code: 'QT-01', title: 'Quy trình 1', issueNumber: 2 }],
    ['d-2', { code: 'QT-02', title: 'Quy trình 2', issueNumber: 1 }],
    ['d-3', { code: 'QT-03', title: 'Quy trình 3', issueNumber: null }],
  ]);

  it('counts a document revised only when a newer issue is in force than at raising', () => {
    const revisions = documentRevisions(
      [
        action({ documentId: 'd-1', documentIssueAtRaise: 1 }),
        action({ documentId: 'd-2', documentIssueAtRaise: 1 }),
        action({ documentId: 'd-3', documentIssueAtRaise: null }),
        action({ documentId: 'd-1', documentIssueAtRaise: 2 }),
        action({ documentId: null }),
      ],
      inForce,
    );
    expect(revisions.map((r) => [r.code, r.issueAtRaise, r.issueInForce, r.revised])).toEqual([
      ['QT-01', 1, 2, true],
      ['QT-02', 1, 1, false],
      ['QT-03', null, null, false],
    ]);
    // A document with no issue in force when the action was raised is revised by its first issue.
    expect(
      documentRevisions([action({ documentId: 'd-2', documentIssueAtRaise: null })], inForce)[0].revised,
    ).toBe(true);
  });

  it('refuses "effective" before the check is due, naming the date', () => {
    const e = refusal(() =>
      assertCanClose({ verificationDue: '2027-05-01', today: '2027-04-30', documents: [] }),
    );
    expect(e.code).toBe(ErrorCode.CorrectiveActionVerificationTooEarly);
    expect(e.details).toEqual({
      verificationDue: '2027-05-01',
      message:
        'Chưa đến hạn kiểm tra hiệu lực: chỉ kết luận hành động khắc phục có hiệu lực từ ngày 01/05/2027.',
    });
    expect(() =>
      assertCanClose({ verificationDue: '2027-05-01', today: '2027-05-01', documents: [] }),
    ).not.toThrow();
  });

  it('refuses "effective" while a linked document is not revised, naming its code', () => {
    const documents = documentRevisions([action({ documentId: 'd-2', documentIssueAtRaise: 1 })], inForce);
    const e = refusal(() =>
      assertCanClose({ verificationDue: '2027-05-01', today: '2027-06-01', documents }),
    );
    expect(e.code).toBe(ErrorCode.CorrectiveActionDocumentNotRevised);
    expect(e.details?.message).toBe(
      'Tài liệu QT-02 chưa có phiên bản mới có hiệu lực (khi giao hành động: lần ban hành 1; đang hiệu lực: lần ban hành 1).',
    );
  });

  it('counts a withdrawn document as settled: no blocker, "effective" allowed', () => {
    const withdrawn = new Map([
      ['d-4', { code: 'QT-04', title: 'Quy trình 4', issueNumber: null, withdrawn: true }],
    ]);
    const documents = documentRevisions([action({ documentId: 'd-4', documentIssueAtRaise: 1 })], withdrawn);
    expect(documents.map((d) => [d.revised, d.withdrawn])).toEqual([[false, true]]);
    expect(() =>
      assertCanClose({ verificationDue: '2027-05-01', today: '2027-06-01', documents }),
    ).not.toThrow();
    const blockers = closeBlockers({
      state: CorrectiveActionState.InProgress,
      round: 1,
      verifierId: 'v-1',
      verificationDue: null,
      actions: [action({ doneOn: '2027-01-05', documentId: 'd-4', documentIssueAtRaise: 1 })],
      documents,
      today: '2027-01-10',
    });
    expect(blockers.map((b) => b.kind)).toEqual(['verification_pending']);
    // Not revised and not withdrawn still blocks.
    const notRevised = documentRevisions([action({ documentId: 'd-2', documentIssueAtRaise: 1 })], inForce);
    expect(notRevised[0].withdrawn).toBe(false);
  });

  it('needs a reason only for "not effective"', () => {
    expect(assertReason(true, undefined)).toBe('');
    expect(assertReason(false, '  Tái diễn  ')).toBe('Tái diễn');
    expect(refusal(() => assertReason(false, '   ')).code).toBe(ErrorCode.CorrectiveActionReasonRequired);
  });

  it('lists what keeps it from closing', () => {
    const blockers = closeBlockers({
      state: CorrectiveActionState.InProgress,
      round: 1,
      verifierId: 'v-1',
      verificationDue: null,
      actions: [action({ dueDate: '2027-02-01' }), action({ id: 'a-2', doneOn: '2027-01-05' })],
      documents: documentRevisions([action({ documentId: 'd-2', documentIssueAtRaise: 1 })], inForce),
      today: '2027-01-10',
    });
    expect(blockers.map((b) => [b.kind, b.subjectId])).toEqual([
      ['action_not_done', 'a-1'],
      ['document_not_revised', 'd-2'],
      ['verification_pending', null],
    ]);
    expect(blockers[0].message).toBe('Hành động "Sửa quy trình" (hạn 01/02/2027) chưa hoàn thành.');
    const verifying = closeBlockers({
      state: CorrectiveActionState.Verifying,
      round: 1,
      verifierId: 'v-1',
      verificationDue: '2027-05-01',
      actions: [action({ doneOn: '2027-01-31' })],
      documents: [],
      today: '2027-02-01',
    });
    expect(verifying).toEqual([
      {
        kind: 'verification_not_due',
        subjectId: null,
        message: 'Chưa đến hạn kiểm tra hiệu lực (ngày 01/05/2027).',
      },
    ]);
    expect(
      closeBlockers({
        state: CorrectiveActionState.Open,
        round: 1,
        verifierId: null,
        verificationDue: null,
        actions: [],
        documents: [],
        today: '2027-02-01',
      }).map((b) => b.kind),
    ).toEqual(['no_actions', 'no_verifier', 'verification_pending']);
    expect(
      closeBlockers({
        state: CorrectiveActionState.Closed,
        round: 1,
        verifierId: null,
        verificationDue: null,
        actions: [],
        documents: [],
        today: '2027-02-01',
      }),
    ).toEqual([]);
  });
});
