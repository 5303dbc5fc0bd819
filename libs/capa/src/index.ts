export * from './capa.module';
export * from './capa-state';
// --- nonconformities (H2) ---
export * from './capa.messages';
export * from './nonconformity-numbering';
export * from './nonconformity-raiser';
export * from './nonconformity-directory';
export * from './nonconformity-finder';
export * from './nonconformity.views';
export * from './nonconformities.service';
export * from './nonconformity-summary.service';
export * from './capa-register.service';
export type { NonconformitySortField } from './nonconformity.repository';
// --- corrective actions (H3) ---
export * from './corrective-action.views';
export type { CloseBlocker, CloseBlockerKind } from './corrective-action-duties';
export * from './corrective-actions.service';
export * from './corrective-action-tasks.service';
export * from './corrective-action-verification.service';
