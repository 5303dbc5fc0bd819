import { formatDateVi } from '@eiso/common';
import { RISK_KIND_LABELS, RISK_LEVEL_LABELS, RiskKind, RiskLevel } from './risk-state';

/** The code of a risk (RR-001) or an opportunity (CH-001): the agency's sequence of that kind. */
export function riskCode(kind: RiskKind, serial: number): string {
  return `${kind === 'risk' ? 'RR' : 'CH'}-${String(serial).padStart(3, '0')}`;
}

const KIND_IN_SENTENCE: Record<RiskKind, string> = { risk: 'rủi ro', opportunity: 'cơ hội' };

/** Vietnamese texts of the register of risks and opportunities. */
export const RISK_MESSAGES = {
  /** A risk as the audit trail and notifications name it. */
  name: (kind: RiskKind, serial: number, description: string) =>
    `${RISK_KIND_LABELS[kind]} ${riskCode(kind, serial)} — ${description}`,
  assigned: (
    kind: RiskKind,
    serial: number,
    description: string,
    level: RiskLevel,
    score: number,
    reviewDate: string,
    unit: string | null,
  ) => ({
    title: `Giao phụ trách ${KIND_IN_SENTENCE[kind]} ${riskCode(kind, serial)}: ${description}`,
    body:
      `Bạn${unit ? ` (${unit})` : ''} được giao phụ trách ${KIND_IN_SENTENCE[kind]} ${riskCode(kind, serial)}: ` +
      `${description}. Mức hiện tại: ${RISK_LEVEL_LABELS[level].toLowerCase()} (điểm ${score}). ` +
      `Ngày xem xét lại: ${formatDateVi(reviewDate)}.`,
  }),
  reviewDue: (
    kind: RiskKind,
    serial: number,
    description: string,
    reviewDate: string,
    level: RiskLevel,
    score: number,
  ) => ({
    title: `Đến hạn xem xét lại ${KIND_IN_SENTENCE[kind]} ${riskCode(kind, serial)}: ${description}`,
    body:
      `${RISK_KIND_LABELS[kind]} ${riskCode(kind, serial)} (${description}) đến hạn xem xét lại ngày ` +
      `${formatDateVi(reviewDate)}. Mức hiện tại: ${RISK_LEVEL_LABELS[level].toLowerCase()} (điểm ${score}). ` +
      'Vui lòng đánh giá lại khả năng xảy ra, mức độ ảnh hưởng và biện pháp xử lý.',
  }),
  reviewDueLog: (today: string, risks: number, notifications: number) =>
    `Xem xét lại rủi ro và cơ hội ngày ${today}: ${risks} đến hạn, ${notifications} thông báo`,
  /** Sổ đăng ký rủi ro và cơ hội. */
  register: {
    title: 'SỔ ĐĂNG KÝ RỦI RO VÀ CƠ HỘI',
    fileName: (date: string) => `Sổ đăng ký rủi ro và cơ hội ngày ${formatDateVi(date).replaceAll('/', '-')}`,
    subtitle: (date: string, risks: number, opportunities: number, open: number) =>
      `Tính đến ngày ${formatDateVi(date)} — rủi ro: ${risks}, cơ hội: ${opportunities} ` +
      `(đang theo dõi: ${open})`,
    footnote:
      'Điểm = khả năng xảy ra × mức độ ảnh hưởng (thang 1–5). Mức: thấp (1–4), trung bình (5–9), cao (10–25).',
    columns: {
      no: 'STT',
      code: 'Mã',
      kind: 'Loại',
      context: 'Bối cảnh',
      description: 'Mô tả rủi ro, cơ hội',
      owner: 'Đơn vị, người phụ trách',
      likelihood: 'Khả năng xảy ra',
      impact: 'Mức độ ảnh hưởng',
      score: 'Điểm',
      level: 'Mức',
      treatment: 'Biện pháp xử lý',
      reviewDate: 'Ngày xem xét lại',
      state: 'Trạng thái',
    },
  },
};
