/** Vietnamese texts of the content lib: the states a file's rendition and text are left in. */
export const CONTENT_MESSAGES = {
  noConverter:
    'Hệ thống chưa có dịch vụ chuyển đổi sang PDF (Gotenberg hoặc LibreOffice): bản có kiểm soát chỉ có trang bìa.',
  notAPdf: 'Dịch vụ chuyển đổi không trả về tệp PDF.',
  timedOut: (seconds: number) => `Chuyển sang PDF quá ${seconds} giây, đã dừng.`,
  storageGone: 'Tệp gốc không còn trong kho lưu trữ.',
  converterInUse: (description: string) => `Chuyển tài liệu Word, ODF, Excel sang PDF: ${description}.`,
  noConverterInUse:
    'Chuyển tài liệu Word, ODF, Excel sang PDF: không có Gotenberg (GOTENBERG_URL) hay LibreOffice (soffice) — bản có kiểm soát của tệp Word chỉ có trang bìa.',
};
