export * from './risks.module';
export * from './risk-state';
export * from './risk-level';
export * from './risks.messages';
export * from './risk.views';
export * from './risks.service';
export * from './risk-register.service';
export * from './risk-directory';
export type { RiskSortField } from './risk.repository';
