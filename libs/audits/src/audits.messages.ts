import { formatDateVi } from '@eiso/common';
import { AuditRiskLevel } from './audit-programme-entry.entity';

export const RISK_LEVEL_LABELS: Record<AuditRiskLevel, string> = {
  low: 'Thấp',
  medium: 'Trung bình',
  high: 'Cao',
};

const list = (items: readonly string[]) => items.join(', ');

/** Vietnamese texts of audit programmes and audits: refusals, notifications, checklist, register. */
export const AUDIT_MESSAGES = {
  /** A programme as the audit trail names it. */
  programmeName: (year: number) => `Chương trình đánh giá nội bộ năm ${year}`,
  /** An audit as the audit trail and notifications name it: "Cuộc đánh giá số 02/2027: …". */
  auditName: (number: string, title: string) => `Cuộc đánh giá nội bộ số ${number}: ${title}`,
  refusals: {
    orgUnits: (ids: readonly string[]) =>
      `Phòng, ban không thuộc cơ quan hoặc đã ngừng hoạt động: ${list(ids)}.`,
    unknownClauses: (edition: string, numbers: readonly string[]) =>
      `Điều khoản không có trong ${edition}: ${list(numbers)}.`,
    proceduresNotInForce: (ids: readonly string[]) =>
      `Quy trình giải quyết TTHC không thuộc cơ quan hoặc không có phiên bản đang hiệu lực: ${list(ids)}.`,
    endBeforeStart: (start: string, end: string) =>
      `Ngày kết thúc (${formatDateVi(end)}) trước ngày bắt đầu (${formatDateVi(start)}).`,
    outsideYear: (year: number) => `Thời gian đánh giá phải nằm trong năm ${year} của chương trình đánh giá.`,
    notAuditors: (names: readonly string[]) =>
      `Không phải người dùng đang hoạt động của cơ quan có vai trò Đánh giá viên nội bộ: ${list(names)}.`,
    notIndependent: (
      breaches: readonly {
        auditorName: string;
        orgUnitName: string;
        scopeUnitName: string;
        relation: 'same' | 'below' | 'above';
      }[],
    ) =>
      breaches
        .map((b) =>
          b.relation === 'same'
            ? `${b.auditorName} thuộc ${b.orgUnitName}, là đơn vị trong phạm vi đánh giá`
            : b.relation === 'below'
              ? `${b.auditorName} thuộc ${b.orgUnitName}, trực thuộc ${b.scopeUnitName} là đơn vị trong phạm vi đánh giá`
              : `${b.auditorName} thuộc ${b.orgUnitName}, là đơn vị cấp trên của ${b.scopeUnitName} trong phạm vi đánh giá`,
        )
        .join('; ') +
      '. Đánh giá viên không được đánh giá đơn vị của chính mình, đơn vị cấp trên hoặc cấp dưới của mình.',
  },
  planIssued: (input: {
    number: string;
    title: string;
    startDate: string;
    endDate: string;
    units: readonly string[];
    clauses: readonly string[];
    procedures: readonly string[];
    lead: string;
  }) => ({
    title: `Kế hoạch đánh giá nội bộ số ${input.number} từ ${formatDateVi(input.startDate)} đến ${formatDateVi(input.endDate)}`,
    body: [
      `Kế hoạch đánh giá nội bộ "${input.title}" đã được ban hành.`,
      `Thời gian đánh giá: từ ngày ${formatDateVi(input.startDate)} đến ngày ${formatDateVi(input.endDate)}.`,
      `Đơn vị được đánh giá: ${input.units.length ? list(input.units) : 'không có'}.`,
      `Điều khoản đánh giá: ${input.clauses.length ? list(input.clauses) : 'không có'}.`,
      ...(input.procedures.length ? [`Quy trình giải quyết TTHC: ${list(input.procedures)}.`] : []),
      `Trưởng đoàn đánh giá: ${input.lead}.`,
      'Đề nghị các đơn vị bố trí thời gian, nhân sự và hồ sơ để phối hợp với đoàn đánh giá.',
    ].join('\n'),
  }),
  checklist: {
    clauseQuestion: (number: string, titleVi: string) =>
      `Điều khoản ${number} — ${titleVi}: đơn vị có đáp ứng các yêu cầu của điều khoản này không?`,
    procedureQuestion: (code: string, title: string) =>
      `Quy trình ${code} — ${title} có được tuân thủ không?`,
    /** A checklist item as the audit trail names it. */
    itemName: (number: string, position: number) => `Câu hỏi ${position} của cuộc đánh giá số ${number}`,
  },
  register: {
    title: (year: number) => `CHƯƠNG TRÌNH ĐÁNH GIÁ NỘI BỘ NĂM ${year}`,
    fileName: (year: number) => `Chương trình đánh giá nội bộ năm ${year}`,
    /** The form's symbol in "Số: 01/CT-STP" (chương trình). */
    numberSymbol: 'CT',
    objectives: (text: string) => `Mục tiêu: ${text}`,
    criteria: (text: string) => `Chuẩn mực đánh giá: ${text}`,
    edition: (edition: string) => `Tiêu chuẩn áp dụng: ${edition}`,
    columns: {
      no: 'STT',
      subject: 'Đơn vị/quá trình',
      risk: 'Mức rủi ro',
      perYear: 'Số lần/năm',
      months: 'Tháng dự kiến',
      audits: 'Cuộc đánh giá đã lập kế hoạch',
      note: 'Ghi chú',
    },
    plannedAudit: (number: string, start: string, end: string, lead: string) =>
      `Số ${number}: ${formatDateVi(start)}–${formatDateVi(end)}, trưởng đoàn ${lead}`,
    months: (months: readonly number[]) => months.map((m) => `T${m}`).join(', '),
    drafter: 'NGƯỜI LẬP',
  },
} as const;
