/** Every Vietnamese text the report renderers print, in one place. */
export const ReportsMessages = {
  producer: 'eISO',
  language: 'vi-VN',
  generatedAt: (time: string): string => `Ngày lập: ${time}`,
  generatedBy: (time: string): string => `Lập bởi hệ thống eISO lúc ${time}`,
  page: (page: number, pageCount: number): string => `Trang ${page}/${pageCount}`,
  /** Excel's header/footer codes: &P is the page number, &N the page count. */
  xlsxPageFooter: '&RTrang &P/&N',
  continued: (title: string): string => `${title} (tiếp theo)`,
  noRows: 'Không có dữ liệu.',
  defaultSheetName: 'Báo cáo',
} as const;
