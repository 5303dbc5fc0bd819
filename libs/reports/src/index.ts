export * from './report-table';
export * from './xlsx-report.renderer';
export * from './pdf-report.renderer';
export * from './reports.messages';
export * from './sheet-name';
export * from './report-file';
