import { formatDateVi } from '@eiso/common';
import { NonconformitySource } from './capa-state';
import { nonconformityNumber } from './nonconformity-numbering';

/** The clause a late dossier falls under: 8.7 Kiểm soát đầu ra không phù hợp. */
export const LATE_DOSSIER_CLAUSE = '8.7';

/** A source as it reads inside a sentence: lowercase first letter, acronyms (TTHC) kept. */
const SOURCE_IN_SENTENCE: Record<NonconformitySource, string> = {
  [NonconformitySource.AuditFinding]: 'đánh giá nội bộ',
  [NonconformitySource.Complaint]: 'phản ánh, kiến nghị',
  [NonconformitySource.LateDossier]: 'hồ sơ TTHC trễ hạn',
  [NonconformitySource.ManagementReview]: 'xem xét của lãnh đạo',
  [NonconformitySource.Self]: 'tự phát hiện',
};

/** Vietnamese texts of nonconformities: notifications, generated titles, the trail's names. */
export const NONCONFORMITY_MESSAGES = {
  /** A nonconformity as the audit trail and notifications name it. */
  name: (serial: number, year: number, title: string) =>
    `Sự không phù hợp số ${nonconformityNumber(serial, year)} — ${title}`,
  noCorrectiveAction: 'Chưa lập phiếu yêu cầu hành động khắc phục',
  /** A corrective action as the audit trail names it. */
  actionName: (serial: number, year: number) =>
    `Phiếu yêu cầu hành động khắc phục sự không phù hợp số ${nonconformityNumber(serial, year)}`,
  /** The title of a nonconformity raised for a late TTHC dossier. */
  lateDossierTitle: (tthcCode: string, dossierNumber: string, daysLate: number) =>
    `Hồ sơ TTHC ${dossierNumber} (${tthcCode}) giải quyết trễ hạn ${daysLate} ngày`,
  lateDossierDescription: (tthcCode: string, dossierNumber: string, daysLate: number) =>
    `Hồ sơ ${dossierNumber} của thủ tục hành chính ${tthcCode} được giải quyết trễ ${daysLate} ngày so với ` +
    'thời hạn quy định: đầu ra không phù hợp (điều khoản 8.7 Kiểm soát đầu ra không phù hợp).',
  raised: (
    serial: number,
    year: number,
    title: string,
    source: NonconformitySource,
    detectedOn: string,
    unit: string | null,
  ) => ({
    title: `Sự không phù hợp mới số ${nonconformityNumber(serial, year)}: ${title}`,
    body:
      `Ngày ${formatDateVi(detectedOn)} ghi nhận sự không phù hợp số ${nonconformityNumber(serial, year)} ` +
      `(nguồn: ${SOURCE_IN_SENTENCE[source]})` +
      (unit ? ` tại ${unit}` : '') +
      `: ${title}. Vui lòng lập phiếu yêu cầu hành động khắc phục.`,
  }),
  detectedTooEarly: (earliest: string) =>
    `Ngày phát hiện sự không phù hợp không được trước ngày ${formatDateVi(earliest)} ` +
    '(ngày 01 tháng 01 của năm trước); sự không phù hợp cũ hơn không còn được ghi nhận vào sổ theo dõi.',
  /** Sổ theo dõi sự không phù hợp và hành động khắc phục. */
  register: {
    title: 'SỔ THEO DÕI SỰ KHÔNG PHÙ HỢP VÀ HÀNH ĐỘNG KHẮC PHỤC',
    fileName: (year: number) => `Sổ theo dõi sự không phù hợp và hành động khắc phục năm ${year}`,
    subtitle: (year: number, count: number, closed: number) =>
      `Năm ${year} — số sự không phù hợp: ${count} (đã kết thúc: ${closed})`,
    columns: {
      number: 'Số',
      detectedOn: 'Ngày phát hiện',
      source: 'Nguồn',
      orgUnit: 'Đơn vị',
      clause: 'Điều khoản',
      description: 'Mô tả sự không phù hợp',
      severity: 'Mức độ',
      rootCause: 'Nguyên nhân',
      actions: 'Hành động khắc phục',
      verifier: 'Người kiểm tra hiệu lực',
      result: 'Kết quả',
      state: 'Trạng thái',
    },
    /** One action: description — owner — due — done. */
    action: (description: string, owner: string, due: string, doneOn: string | null) =>
      `- ${description} — ${owner} — hạn ${formatDateVi(due)} — ` +
      (doneOn ? `xong ${formatDateVi(doneOn)}` : 'chưa xong'),
    round: (round: number) => `Lần ${round}:`,
    result: (round: number, effective: boolean, on: Date) =>
      `Lần ${round}: ${effective ? 'Có hiệu lực' : 'Chưa có hiệu lực'} (${formatDateVi(on)})`,
  },
  /** Labels of the fields a source requires, for the refusal naming what is missing. */
  fields: {
    complaintRef: 'số phản ánh, kiến nghị',
    complainant: 'người phản ánh, kiến nghị',
    tthcCode: 'mã thủ tục hành chính',
    dossierNumber: 'số hồ sơ',
    daysLate: 'số ngày trễ hạn (từ 1 ngày)',
    managementReviewRef: 'số biên bản xem xét của lãnh đạo',
  },
};
