export * from './audits.module';
export * from './audit-state';
// --- programmes and audits (H5) ---
// --- findings and report (H6) ---
