export * from './audit-trail.module';
export * from './audit-trail.service';
export * from './audit-chain';
export * from './audit-actions';
export * from './audit-visibility';
export * from './audit-actor-names';
export { AuditVisibilityRegistry } from './audit-visibility.registry';
export type { AuditEventFilter } from './audit-event.repository';
