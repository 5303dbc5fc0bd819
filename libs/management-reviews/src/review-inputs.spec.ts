import type { NonconformitySummaryView } from '@eiso/capa';
import type { ObjectiveResult } from '@eiso/objectives';
import type { RiskSummary } from '@eiso/risks';
import { ReviewActionKind, ReviewActionState } from './management-review-state';
import { assembleReviewInputs, isActionOverdue, RawReviewInputs } from './review-inputs';

const nonconformities = { total: 0 } as NonconformitySummaryView;
const risks = { raised: 0 } as RiskSummary;

function objective(status: ObjectiveResult['status']): ObjectiveResult {
  return {
    id: status,
    year: 2026,
    statement: status,
    kpiName: 'k',
    unit: '%',
    direction: 'at_least',
    target: 98,
    ownerOrgUnitId: 'u',
    ownerOrgUnitName: 'Bộ phận một cửa',
    measurements: [],
    result: null,
    status,
  };
}

function raw(overrides: Partial<RawReviewInputs> = {}): RawReviewInputs {
  return {
    from: '2026-01-01',
    to: '2026-12-31',
    asOf: '2027-01-10',
    previous: null,
    issued: [],
    withdrawn: [],
    documentTypeLabels: { policy: 'Chính sách chất lượng', procedure: 'Quy trình', form: 'Biểu mẫu' },
    objectives: [],
    objectiveStatusLabels: {
      on_track: 'Đạt',
      at_risk: 'Có nguy cơ',
      missed: 'Không đạt',
      no_data: 'Chưa có',
    },
    audits: [],
    nonconformities,
    complaints: [],
    lateDossiers: 0,
    risks,
    qualityPolicy: null,
    ...overrides,
  };
}

const action = (id: string, state: ReviewActionState, dueDate: string, doneOn: string | null = null) => ({
  id,
  kind: ReviewActionKind.Improvement,
  description: id,
  ownerId: 'o',
  ownerName: 'Nguyễn Văn A',
  dueDate,
  state,
  doneOn,
});

describe('assembleReviewInputs', () => {
  it('an action is overdue only when open after its due date (the due day itself is not late)', () => {
    expect(isActionOverdue(ReviewActionState.Open, '2027-01-09', '2027-01-10')).toBe(true);
    expect(isActionOverdue(ReviewActionState.Open, '2027-01-10', '2027-01-10')).toBe(false);
    expect(isActionOverdue(ReviewActionState.Done, '2026-01-01', '2027-01-10')).toBe(false);
  });

  it('counts the previous review’s actions by state and overdue as of the compile day', () => {
    const inputs = assembleReviewInputs(
      raw({
        previous: {
          reviewId: 'r0',
          reviewNumber: '01/2026',
          actions: [
            action('a', ReviewActionState.Done, '2026-06-30', '2026-06-01'),
            action('b', ReviewActionState.Open, '2027-01-09'),
            action('c', ReviewActionState.Open, '2027-01-10'),
          ],
        },
      }),
    );
    expect(inputs.previousActions).toMatchObject({
      reviewId: 'r0',
      reviewNumber: '01/2026',
      total: 3,
      done: 1,
      open: 2,
      overdue: 1,
    });
    expect(inputs.previousActions.items.map((a) => a.overdue)).toEqual([false, true, false]);
  });

  it('without a previous review the section is empty, not missing', () => {
    expect(assembleReviewInputs(raw()).previousActions).toEqual({
      reviewId: null,
      reviewNumber: null,
      total: 0,
      done: 0,
      open: 0,
      overdue: 0,
      items: [],
    });
  });

  it('counts document changes by type in the order of the type labels, types with no change left out', () => {
    const v = (code: string, type: string) => ({
      documentId: code,
      code,
      title: code,
      type,
      typeLabel: type,
      issueNumber: 1,
      versionLabel: 'Lần ban hành 1',
      effectiveFrom: '2026-02-01',
    });
    const inputs = assembleReviewInputs(
      raw({
        issued: [v('QT-02', 'procedure'), v('CS-01', 'policy'), v('QT-03', 'procedure')],
        withdrawn: [
          {
            documentId: 'x',
            code: 'QT-01',
            title: 'x',
            type: 'procedure',
            typeLabel: 'Quy trình',
            withdrawnOn: '2026-05-05',
            reason: null,
          },
        ],
      }),
    );
    expect(inputs.documentChanges.issuedCount).toBe(3);
    expect(inputs.documentChanges.withdrawnCount).toBe(1);
    expect(inputs.documentChanges.byType).toEqual([
      { type: 'policy', label: 'Chính sách chất lượng', issued: 1, withdrawn: 0 },
      { type: 'procedure', label: 'Quy trình', issued: 2, withdrawn: 1 },
    ]);
  });

  it('counts objectives by every status, zeros included', () => {
    const inputs = assembleReviewInputs(
      raw({ objectives: [objective('on_track'), objective('missed'), objective('missed')] }),
    );
    expect(inputs.objectives.total).toBe(3);
    expect(inputs.objectives.byStatus).toEqual([
      { key: 'on_track', label: 'Đạt', count: 1 },
      { key: 'at_risk', label: 'Có nguy cơ', count: 0 },
      { key: 'missed', label: 'Không đạt', count: 2 },
      { key: 'no_data', label: 'Chưa có', count: 0 },
    ]);
  });

  it('sums the findings of the audits by type and passes the other sections through', () => {
    const audit = (n: string, major: number, minor: number, obs: number, ofi: number) => ({
      auditId: n,
      number: n,
      title: n,
      startDate: '2026-03-02',
      endDate: '2026-03-03',
      reportedOn: '2026-03-05',
      leadAuditorName: 'Trần Thị B',
      findings: { major_nc: major, minor_nc: minor, observation: obs, ofi },
    });
    const inputs = assembleReviewInputs(
      raw({ audits: [audit('01/2026', 1, 1, 0, 1), audit('02/2026', 0, 2, 3, 0)], lateDossiers: 4 }),
    );
    expect(inputs.audits.total).toBe(2);
    expect(inputs.audits.findings).toEqual({ major_nc: 1, minor_nc: 3, observation: 3, ofi: 1 });
    expect(inputs.lateDossiers).toEqual({ count: 4 });
    expect(inputs.nonconformities).toBe(nonconformities);
    expect(inputs.risks).toBe(risks);
    expect(inputs.complaints).toEqual({ total: 0, items: [] });
  });
});
