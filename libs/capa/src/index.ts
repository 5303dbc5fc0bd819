export * from './capa.module';
export * from './capa-state';
// --- nonconformities (H2) ---
// --- corrective actions (H3) ---
