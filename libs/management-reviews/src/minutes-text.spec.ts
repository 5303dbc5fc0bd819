import type { NonconformitySummaryView } from '@eiso/capa';
import { ReviewActionKind } from './management-review-state';
import { formatNumberVi, MinutesBody, minutesSections } from './minutes-text';
import { assembleReviewInputs } from './review-inputs';

const summary: NonconformitySummaryView = {
  from: '2026-01-01',
  to: '2026-12-31',
  total: 5,
  byClause: [
    { clause: '8.7', clauseEdition: 'TCVN ISO 9001:2015', title: 'Kiểm soát đầu ra không phù hợp', count: 2 },
  ],
  byOrgUnit: [],
  bySource: [
    { key: 'audit_finding' as never, label: 'Đánh giá nội bộ', count: 2 },
    { key: 'complaint' as never, label: 'Phản ánh, kiến nghị', count: 0 },
  ],
  bySeverity: [],
  byState: [],
  byCorrectiveActionState: [],
  overdueActions: 1,
  overdueNonconformities: 1,
  closed: 2,
  meanDaysToClose: 12.5,
};

function body(): MinutesBody {
  return {
    number: '01/2027',
    title: 'Xem xét của lãnh đạo năm 2026',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    meetingDate: '2027-01-15',
    place: 'Phòng họp số 1',
    chair: { name: 'Lê Văn Chủ', position: 'Giám đốc' },
    attendees: [{ name: 'Phạm Thị Thư', position: null }],
    guests: [],
    inputs: assembleReviewInputs({
      from: '2026-01-01',
      to: '2026-12-31',
      asOf: '2027-01-15',
      previous: null,
      issued: [],
      withdrawn: [],
      documentTypeLabels: {},
      objectives: [
        {
          id: 'o',
          year: 2026,
          statement: '≥ 98% hồ sơ TTHC giải quyết đúng hạn',
          kpiName: 'Tỷ lệ đúng hạn',
          unit: '%',
          direction: 'at_least',
          target: 98,
          ownerOrgUnitId: 'u',
          ownerOrgUnitName: 'Bộ phận một cửa',
          measurements: [],
          result: 97.5,
          status: 'missed',
        },
      ],
      objectiveStatusLabels: {
        on_track: 'Đạt mục tiêu',
        at_risk: 'Có nguy cơ không đạt',
        missed: 'Không đạt',
        no_data: 'Chưa có số liệu',
      },
      audits: [],
      nonconformities: summary,
      complaints: [],
      lateDossiers: 3,
      risks: {
        open: { total: 4, risks: 3, opportunities: 1, byLevel: { low: 1, medium: 2, high: 1 } },
        high: [],
        raised: 5,
        closed: 1,
        reassessments: [],
      },
      qualityPolicy: null,
    }),
    manual: {
      customerFeedback: 'Người dân hài lòng',
      providerPerformance: null,
      resourceAdequacy: null,
      contextChanges: null,
      improvementOpportunities: null,
    },
    conclusions: { suitability: 'Phù hợp', adequacy: 'Thỏa đáng', effectiveness: 'Có hiệu lực' },
    actions: [
      {
        kind: ReviewActionKind.Resources,
        description: 'Bổ sung 01 cán bộ một cửa',
        ownerName: 'Phạm Thị Thư',
        dueDate: '2027-06-30',
      },
    ],
  };
}

describe('minutes sections', () => {
  const text = () =>
    minutesSections(body())
      .flatMap((s) => [s.heading, ...s.lines])
      .join('\n');

  it('writes numbers the Vietnamese way', () => {
    expect(formatNumberVi(97.5)).toBe('97,5');
    expect(formatNumberVi(98)).toBe('98');
    expect(formatNumberVi(1234.25)).toBe('1.234,25');
  });

  it('prints every input with its figures in Vietnamese', () => {
    const t = text();
    expect(t).toContain('Kỳ xem xét: từ ngày 01/01/2026 đến ngày 31/12/2026.');
    expect(t).toContain('Ngày họp: 15/01/2027, tại Phòng họp số 1.');
    expect(t).toContain('Đây là lần xem xét đầu tiên');
    expect(t).toContain(
      'Tổng số mục tiêu: 1; đạt mục tiêu: 0; có nguy cơ không đạt: 0; không đạt: 1; chưa có số liệu: 0.',
    );
    expect(t).toContain(
      '- ≥ 98% hồ sơ TTHC giải quyết đúng hạn — kết quả: 97,5% (chỉ tiêu ≥ 98%) — Bộ phận một cửa',
    );
    expect(t).toContain(
      'Tổng số sự không phù hợp trong kỳ: 5; đã kết thúc: 2; hành động quá hạn: 1; thời gian xử lý bình quân: 12,5 ngày.',
    );
    expect(t).toMatch(/Theo nguồn: [^\n]*Đánh giá nội bộ 2[^\n]*\./);
    expect(t).not.toContain('Phản ánh, kiến nghị 0');
    expect(t).toMatch(/Theo điều khoản: [^\n]*8\.7: 2[^\n]*\./);
    expect(t).toContain('số hồ sơ TTHC giải quyết trễ hạn: 3.');
    expect(t).toContain('Ý kiến của khách hàng: Người dân hài lòng');
    expect(t).toContain(
      'Rủi ro, cơ hội đang mở cuối kỳ: 4 (3 rủi ro, 1 cơ hội); mức cao 1, trung bình 2, thấp 1.',
    );
    expect(t).toContain('Chưa có chính sách chất lượng đang hiệu lực vào cuối kỳ.');
    expect(t).toContain(
      '1. [Nhu cầu về nguồn lực] Bổ sung 01 cán bộ một cửa — thực hiện: Phạm Thị Thư — hạn 30/06/2027',
    );
    expect(t).toContain('Sự phù hợp của hệ thống quản lý chất lượng: Phù hợp');
  });

  it('says what was not written rather than printing nothing', () => {
    expect(minutesSections(body()).find((s) => s.heading.startsWith('8.'))!.lines).toEqual([
      'Chưa ghi nhận.',
    ]);
  });
});
