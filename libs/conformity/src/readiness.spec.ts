import { assessReadiness, ReadinessCheckCode, ReadinessFacts } from './readiness';

const AGENCY = '11111111-1111-4111-8111-111111111111';

/** An agency that meets every prerequisite on 15/06/2027. */
const ready = (): ReadinessFacts => ({
  asOf: '2027-06-15',
  scope: ['1.000948', '1.001234'],
  policy: { documentId: 'p', code: 'CS-01', title: 'Chính sách chất lượng', effectiveFrom: '2026-02-10' },
  objectives: [{ id: 'o1', statement: '≥ 98% hồ sơ TTHC giải quyết đúng hạn' }],
  procedures: [
    {
      documentId: 'd1',
      code: 'QT-01',
      title: 'Quy trình cấp phiếu lý lịch tư pháp',
      tthcCodes: ['1.000948'],
    },
    { documentId: 'd2', code: 'QT-02', title: 'Quy trình chứng thực', tthcCodes: ['1.001234', '1.009999'] },
  ],
  lastAudit: { auditId: 'a', number: '01/2027', title: 'Đánh giá nội bộ đợt 1', closedOn: '2026-06-15' },
  lastReview: {
    reviewId: 'r',
    number: '01/2027',
    title: 'Xem xét của lãnh đạo năm 2027',
    meetingDate: '2027-01-20',
  },
  openMajor: [],
});

const check = (facts: ReadinessFacts, code: ReadinessCheckCode) => {
  const result = assessReadiness(AGENCY, facts);
  const found = result.checks.find((c) => c.code === code);
  if (!found) throw new Error(code);
  return { result, check: found };
};

describe('assessReadiness', () => {
  it('is ready when every prerequisite passes, in the order of the checklist', () => {
    const result = assessReadiness(AGENCY, ready());
    expect(result.ready).toBe(true);
    expect(result.checks.map((c) => [c.code, c.passed])).toEqual([
      ['quality_policy', true],
      ['objectives', true],
      ['procedures', true],
      ['internal_audit', true],
      ['management_review', true],
      ['major_nonconformities', true],
    ]);
    expect(result.checks.every((c) => c.missing.length === 0)).toBe(true);
    expect(result.checks[0].detail).toBe('CS-01 — Chính sách chất lượng, hiệu lực từ 10/02/2026.');
    expect(result.checks[3].detail).toBe('Cuộc đánh giá số 01/2027 kết thúc ngày 15/06/2026.');
  });

  it('names a missing quality policy', () => {
    const { result, check: c } = check({ ...ready(), policy: null }, ReadinessCheckCode.QualityPolicy);
    expect(result.ready).toBe(false);
    expect(c.passed).toBe(false);
    expect(c.missing.map((m) => m.label)).toEqual(['Chính sách chất lượng']);
  });

  it('wants objectives of the year of asOf', () => {
    const { check: c } = check({ ...ready(), objectives: [] }, ReadinessCheckCode.Objectives);
    expect(c.passed).toBe(false);
    expect(c.title).toBe('Mục tiêu chất lượng năm 2027');
    expect(c.detail).toBe('Chưa đặt mục tiêu chất lượng nào cho năm 2027.');
  });

  it('names each TTHC code of the scope without a procedure in force, once', () => {
    const { check: c } = check(
      { ...ready(), scope: ['1.000948', '2.000111', '2.000111', '1.001234', '3.000222'] },
      ReadinessCheckCode.Procedures,
    );
    expect(c.passed).toBe(false);
    expect(c.missing).toEqual([
      {
        label: 'Thủ tục 2.000111: chưa có quy trình có hiệu lực',
        subjectType: 'tthc',
        subjectId: '2.000111',
      },
      {
        label: 'Thủ tục 3.000222: chưa có quy trình có hiệu lực',
        subjectType: 'tthc',
        subjectId: '3.000222',
      },
    ]);
    expect(c.detail).toBe('2/4 thủ tục hành chính trong phạm vi chưa có quy trình có hiệu lực.');
  });

  it('without a scope, wants at least one TTHC procedure in force', () => {
    expect(check({ ...ready(), scope: [] }, ReadinessCheckCode.Procedures).check.passed).toBe(true);
    const { check: c } = check({ ...ready(), scope: [], procedures: [] }, ReadinessCheckCode.Procedures);
    expect(c.passed).toBe(false);
    expect(c.detail).toBe('Chưa có quy trình giải quyết thủ tục hành chính nào có hiệu lực.');
  });

  it('counts an audit closed exactly 12 months ago, not one a day older', () => {
    const audit = ready().lastAudit!;
    expect(check(ready(), ReadinessCheckCode.InternalAudit).check.passed).toBe(true);
    const { check: c } = check(
      { ...ready(), lastAudit: { ...audit, closedOn: '2026-06-14' } },
      ReadinessCheckCode.InternalAudit,
    );
    expect(c.passed).toBe(false);
    expect(c.detail).toBe('Cuộc đánh giá gần nhất (số 01/2027) kết thúc ngày 14/06/2026, đã quá 12 tháng.');
    expect(c.missing[0].label).toBe('Cuộc đánh giá nội bộ kết thúc từ ngày 15/06/2026');
    expect(check({ ...ready(), lastAudit: null }, ReadinessCheckCode.InternalAudit).check.detail).toBe(
      'Chưa có cuộc đánh giá nội bộ nào kết thúc.',
    );
  });

  it('wants a review held in the last 12 months, not one planned for later', () => {
    const review = ready().lastReview!;
    const late = check(
      { ...ready(), lastReview: { ...review, meetingDate: '2026-06-14' } },
      ReadinessCheckCode.ManagementReview,
    );
    expect(late.check.passed).toBe(false);
    const future = check(
      { ...ready(), lastReview: { ...review, meetingDate: '2027-07-01' } },
      ReadinessCheckCode.ManagementReview,
    );
    expect(future.check.passed).toBe(false);
    expect(check({ ...ready(), lastReview: null }, ReadinessCheckCode.ManagementReview).check.detail).toBe(
      'Chưa tổ chức cuộc họp xem xét của lãnh đạo nào.',
    );
  });

  it('names every open major nonconformity', () => {
    const { result, check: c } = check(
      { ...ready(), openMajor: [{ id: 'n1', number: '01/2027', title: 'Ba hồ sơ trả kết quả trễ hạn' }] },
      ReadinessCheckCode.MajorNonconformities,
    );
    expect(result.ready).toBe(false);
    expect(c.missing).toEqual([
      {
        label: 'Điểm không phù hợp số 01/2027 — Ba hồ sơ trả kết quả trễ hạn',
        subjectType: 'nonconformity',
        subjectId: 'n1',
      },
    ]);
  });
});
