import { MediaType } from '@eiso/storage';
import { formatDateVi } from '@eiso/common';

/** Vietnamese texts of the document-control notifications. */
export const DOCUMENT_MESSAGES = {
  /** A version as the audit trail names it. */
  versionName: (code: string, title: string, revision: number) =>
    `${code} — ${title} (phiên bản ${revision})`,
  submitted: (code: string, title: string, author: string) => ({
    title: `Tài liệu ${code} chờ xem xét`,
    body: `${author} đã trình phiên bản mới của "${title}" (${code}). Vui lòng xem xét.`,
  }),
  reviewed: (code: string, title: string) => ({
    title: `Tài liệu ${code} chờ phê duyệt`,
    body: `Phiên bản mới của "${title}" (${code}) đã được xem xét và chờ thủ trưởng phê duyệt.`,
  }),
  returned: (code: string, title: string, by: string, comment: string) => ({
    title: `Tài liệu ${code} được trả lại để sửa`,
    body: `${by} đã trả lại phiên bản dự thảo "${title}" (${code}) với ý kiến: ${comment}`,
  }),
  approved: (code: string, title: string) => ({
    title: `Tài liệu ${code} đã được phê duyệt`,
    body: `Phiên bản mới của "${title}" (${code}) đã được phê duyệt và chờ ban hành.`,
  }),
  issued: (code: string, title: string, issueNumber: number, effectiveFrom: string) => ({
    title: `Ban hành ${code} lần ${String(issueNumber).padStart(2, '0')}`,
    body:
      `"${title}" (${code}) được ban hành lần ${String(issueNumber).padStart(2, '0')}, có hiệu lực từ ` +
      `${formatDateVi(effectiveFrom)}. Vui lòng đọc và xác nhận "đã đọc và hiểu".`,
  }),
  scheduled: (code: string, title: string, issueNumber: number, effectiveFrom: string) => ({
    title: `Ban hành ${code} lần ${String(issueNumber).padStart(2, '0')}, hiệu lực từ ${formatDateVi(effectiveFrom)}`,
    body:
      `"${title}" (${code}) được ban hành lần ${String(issueNumber).padStart(2, '0')} và có hiệu lực từ ` +
      `${formatDateVi(effectiveFrom)}. Trước ngày đó, phiên bản đang hiệu lực (nếu có) vẫn được áp dụng. ` +
      `Vui lòng đọc trước và xác nhận "đã đọc và hiểu".`,
  }),
  activated: (code: string, title: string, issueNumber: number, effectiveFrom: string) => ({
    title: `${code} lần ${String(issueNumber).padStart(2, '0')} có hiệu lực`,
    body:
      `"${title}" (${code}) ban hành lần ${String(issueNumber).padStart(2, '0')} có hiệu lực từ ` +
      `${formatDateVi(effectiveFrom)} và thay thế phiên bản trước. Vui lòng áp dụng phiên bản này và ` +
      `xác nhận "đã đọc và hiểu" nếu chưa xác nhận.`,
  }),
  withdrawn: (code: string, title: string, reason: string) => ({
    title: `Tài liệu ${code} hết hiệu lực`,
    body: `"${title}" (${code}) đã bị hủy bỏ. Lý do: ${reason}`,
  }),
  effectiveBeforeInForce: (inForceFrom: string) =>
    `Ngày hiệu lực không được trước ngày hiệu lực của phiên bản đang áp dụng (${formatDateVi(inForceFrom)}).`,
  reviewDue: (code: string, title: string, nextReviewDate: string) => ({
    title: `Đến hạn xem xét định kỳ ${code}`,
    body: `Tài liệu "${title}" (${code}) đến hạn xem xét định kỳ vào ${formatDateVi(nextReviewDate)}.`,
  }),
};

/** What the cover of a controlled copy says of a Word (ODF, Excel) file without its rendition. */
export const COPY_MESSAGES = {
  mediaTypeLabels: {
    [MediaType.Docx]: 'Microsoft Word (DOCX)',
    [MediaType.Doc]: 'Microsoft Word 97–2003 (DOC)',
    [MediaType.Odt]: 'OpenDocument văn bản (ODT)',
    [MediaType.Xlsx]: 'Microsoft Excel (XLSX)',
    [MediaType.Xls]: 'Microsoft Excel 97–2003 (XLS)',
  } as Record<string, string>,
  renditionPending: 'bản PDF đang được tạo; bản có kiểm soát sẽ có đủ nội dung khi tạo xong.',
  renditionFailed: (error: string | null) =>
    `chuyển sang PDF không thành công${error ? ` (${error.replace(/\.$/, '')})` : ''}; thư ký ISO có thể cho chạy lại.`,
  noConverter: 'hệ thống chưa có dịch vụ chuyển đổi sang PDF (Gotenberg hoặc LibreOffice).',
};
