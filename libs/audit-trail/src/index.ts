export * from './audit-trail.module';
export * from './audit-trail.service';
export * from './audit-chain';
export type { AuditEventFilter } from './audit-event.repository';
