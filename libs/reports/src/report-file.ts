import { renderPdf } from './pdf-report.renderer';
import type { ReportTable } from './report-table';
import { renderXlsx } from './xlsx-report.renderer';

/** The files a register is exported to. */
export type ReportFormat = 'xlsx' | 'pdf';
/** What a register route answers: its rows as JSON (the default), or a file. */
export type ExportFormat = 'json' | ReportFormat;
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'xlsx', 'pdf'];

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** A generated file: its Vietnamese download name, media type and bytes. */
export interface ReportFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Renders a register to the format asked for, named `<baseName>.<format>`. */
export async function renderReport(
  table: ReportTable,
  format: ReportFormat,
  baseName: string,
): Promise<ReportFile> {
  const bytes = format === 'xlsx' ? await renderXlsx(table) : await renderPdf(table);
  return { fileName: `${baseName}.${format}`, mediaType: REPORT_MEDIA_TYPES[format], bytes };
}
