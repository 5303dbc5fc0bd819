import type { PdfSourceProblem } from './pdf-source.error';

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** Every Vietnamese text the PDF lib prints or throws, in one place. */
export const PdfMessages = {
  producer: 'eISO',
  language: 'vi-VN',
  controlledCopy: 'BẢN CÓ KIỂM SOÁT',
  expired: 'HẾT HIỆU LỰC',
  notYetEffectiveMark: 'CHƯA CÓ HIỆU LỰC',
  notYetEffective: (date: string): string => `CHƯA CÓ HIỆU LỰC — hiệu lực từ ${date}`,
  code: (code: string): string => `Mã hiệu: ${code}`,
  issueNumber: (issueNumber: number): string => `Lần ban hành: ${twoDigits(issueNumber)}`,
  effectiveFrom: (date: string): string => `Ngày hiệu lực: ${date}`,
  documentType: (typeLabel: string): string => `Loại tài liệu: ${typeLabel}`,
  page: (page: number, pageCount: number): string => `Trang ${page}/${pageCount}`,
  state: (label: string): string => `Tình trạng: ${label}`,
  stateNote: (note: string): string => `Ghi chú: ${note}`,
  signaturePageTitle: 'TRANG KÝ DUYỆT',
  signatureSteps: { drafted: 'Soạn thảo', reviewed: 'Xem xét', approved: 'Phê duyệt' },
  signerPosition: (position: string): string => `Chức vụ: ${position}`,
  signedAt: (time: string): string => `Ký lúc: ${time}`,
  noSigner: 'Không có',
  issuedBy: (name: string, position: string | null, time: string): string =>
    `Ban hành bởi ${name}${position ? ` (${position})` : ''} lúc ${time}`,
  generatedAt: (time: string): string => `Bản sao do hệ thống eISO tạo lúc ${time}.`,
  coverContent: (fileName: string): string => `Nội dung tài liệu nằm trong tệp gốc đính kèm: ${fileName}`,
  coverMediaType: (label: string): string => `Định dạng tệp: ${label}`,
  coverSha256: (sha256: string): string => `Mã kiểm tra SHA-256: ${sha256}`,
  coverSha256Hint: 'Đối chiếu mã SHA-256 để bảo đảm tệp gốc tải về đúng là tệp đã được ban hành.',
  coverNote: (note: string): string => `Chưa có bản PDF của tệp gốc: ${note}`,
  renditionContent: (fileName: string): string =>
    `Nội dung tài liệu ở các trang sau: bản PDF của tệp gốc ${fileName}, do LibreOffice chuyển đổi, không sửa nội dung.`,
  renditionSha256: (sha256: string): string => `Mã SHA-256 của bản PDF chuyển đổi: ${sha256}`,
  renditionHint:
    'Tệp gốc là căn cứ; đối chiếu mã SHA-256 để bảo đảm tệp gốc tải về đúng là tệp đã được ban hành.',
  /** The official layout of Nghị định 30/2020/NĐ-CP, Phụ lục I. */
  official: {
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    number: (number: string): string => `Số: ${number}`,
    dateWords: (day: string, month: string, year: string): string => `ngày ${day} tháng ${month} năm ${year}`,
    /** Ký thay: a deputy signing for the head. */
    onBehalfOf: (headPosition: string): string => `KT. ${headPosition}`,
    recipients: 'Nơi nhận:',
    recipient: (text: string): string => `- ${text}`,
  },
  sourceProblems: {
    encrypted:
      'Tệp PDF đã được mã hóa hoặc đặt mật khẩu nên không thể đóng dấu bản có kiểm soát. ' +
      'Vui lòng tải lên bản PDF không đặt mật khẩu.',
    unreadable: 'Tệp PDF bị hỏng hoặc không đúng định dạng nên không thể đóng dấu bản có kiểm soát.',
    empty: 'Tệp PDF không có trang nào nên không thể đóng dấu bản có kiểm soát.',
  } satisfies Record<PdfSourceProblem, string>,
} as const;
