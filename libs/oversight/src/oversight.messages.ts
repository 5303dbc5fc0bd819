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
  pack: {
    internalRegister: 'Danh mục tài liệu nội bộ đang có hiệu lực',
    externalRegister: 'Danh mục tài liệu có nguồn gốc bên ngoài',
    capaLog: 'Sổ theo dõi sự không phù hợp và hành động khắc phục',
    declaration: 'Quyết định công bố HTQLCL phù hợp TCVN ISO 9001:2015 đang có hiệu lực',
    auditReport: 'Báo cáo đánh giá nội bộ gần nhất',
    reviewMinutes: 'Báo cáo xem xét của lãnh đạo gần nhất',
    contents: (agency: string, at: string, files: string[], missing: string[]) =>
      [
        `HỒ SƠ PHỤC VỤ KIỂM TRA HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG`,
        `Cơ quan: ${agency}`,
        `Lập bởi hệ thống eISO lúc ${at}`,
        '',
        'Gồm:',
        ...files.map((f) => `- ${f}`),
        ...(missing.length ? ['', 'Cơ quan chưa có:', ...missing.map((m) => `- ${m}`)] : []),
        '',
      ].join('\r\n'),
    fileName: (agency: string, day: string) => `ho-so-kiem-tra-${slug(agency)}-${day}.zip`,
  },
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

/** "Sở Tư pháp" → "so-tu-phap": a file name every system reads. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
