export * from './identity.module';
export * from './identity.tokens';
export * from './auth.service';
export * from './users.service';
export * from './access-token.service';
export * from './user.view';
export * from './password-policy';
export * from './admin-bootstrap.service';
export type { UserFilter } from './user.repository';
