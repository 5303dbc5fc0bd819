import { AGENCY_LEVEL_LABELS, isAgencyLevel } from '@eiso/organizations';

/** Vietnamese texts of the province's oversight: labels, the annual report. */
export const OVERSIGHT_MESSAGES = {
  levelLabel: (level: string) => (isAgencyLevel(level) ? AGENCY_LEVEL_LABELS[level] : level),
  reportTitle: 'BÁO CÁO',
  reportSubject: (year: number) =>
    `Tình hình xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 năm ${year}`,
  reportTotals: (total: number, declared: number, onTrack: number, late: number) =>
    `Tổng số cơ quan: ${total}; đã công bố: ${declared}; đúng lộ trình: ${onTrack}; chậm lộ trình: ${late}.`,
  reportAsOf: (date: string) => `Số liệu tính đến ngày ${date}.`,
  reportFootnote:
    'Đúng lộ trình: đã công bố trong năm lộ trình hoặc chưa đến hết năm lộ trình. Số tài liệu có hiệu lực, hành động khắc phục là số liệu hiện tại.',
  reportFileName: (year: number) => `bao-cao-htqlcl-${year}`,
  boardSubject: 'Tình hình áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 của các cơ quan',
  boardFileName: (asOf: string) => `tinh-hinh-htqlcl-${asOf}`,
  onTrack: (value: boolean | null) =>
    value === null ? 'Ngoài lộ trình' : value ? 'Đúng lộ trình' : 'Chậm lộ trình',
  declaration: (number: string | null) => (number ? `Đã công bố (${number})` : 'Chưa công bố'),
  columns: {
    no: 'STT',
    name: 'Cơ quan',
    level: 'Cấp',
    roadmapYear: 'Năm lộ trình',
    declaration: 'Công bố',
    declarationDate: 'Ngày công bố',
    documents: 'Tài liệu hiệu lực',
    overdueReviews: 'Quá hạn rà soát',
    openActions: 'HĐKP đang mở',
    overdueActions: 'HĐKP quá hạn',
    lastAudit: 'Đánh giá nội bộ gần nhất',
    lastReview: 'Xem xét lãnh đạo gần nhất',
    onTrack: 'Lộ trình',
  },
};
