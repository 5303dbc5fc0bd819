import type { OfficialClosing, OfficialHeading } from '@eiso/pdf';

export type ReportCellValue = string | number | null;

export interface ReportColumn {
  key: string;
  header: string;
  /** Relative: the widths of all columns share the printable width in proportion. */
  width: number;
  align?: 'left' | 'center' | 'right';
  /**
   * `date`: the column's values are calendar dates `YYYY-MM-DD`, never pre-formatted text. XLSX
   * holds them as real Excel dates shown dd/mm/yyyy (sortable, filterable); PDF prints dd/mm/yyyy.
   */
  type?: 'text' | 'date';
}

/** A register (danh mục) as rows and columns, rendered the same way to XLSX and PDF. */
export interface ReportTable {
  title: string;
  subtitle?: string[];
  /** The agency's official heading: the PDF's first page is laid out as Nghị định 30 has it. */
  heading: OfficialHeading;
  generatedAt: Date;
  columns: ReportColumn[];
  rows: Record<string, ReportCellValue>[];
  footnote?: string;
  /** A register issued as a numbered document ("Số: 01/CT-STP"); without it, no "Số:" line. */
  number?: { serial: number; symbol: string };
  /** Signature blocks after the rows (a programme signed by the head); PDF only. */
  closing?: OfficialClosing;
}
