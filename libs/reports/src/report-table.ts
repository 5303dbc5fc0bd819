export type ReportCellValue = string | number | null;

export interface ReportColumn {
  key: string;
  header: string;
  /** Relative: the widths of all columns share the printable width in proportion. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A register (danh mục) as rows and columns, rendered the same way to XLSX and PDF. */
export interface ReportTable {
  title: string;
  subtitle?: string[];
  agencyName: string;
  generatedAt: Date;
  columns: ReportColumn[];
  rows: Record<string, ReportCellValue>[];
  footnote?: string;
}
