export * from './identity.module';
export * from './identity.tokens';
export * from './auth.service';
export { actorOf } from './actor-of';
export {
  LOCKOUT_MINUTES,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  MAX_SIGNING_FAILURES,
} from './password-check.service';
export * from './login-lockout.module';
export { LoginLockoutService } from './login-lockout.service';
export { IDENTITY_MESSAGES } from './identity.messages';
export * from './users.service';
export * from './user-directory';
export * from './access-token.service';
export * from './user.view';
export * from './password-policy';
export * from './admin-bootstrap.service';
export type { UserFilter } from './user.repository';
export { UserRepository } from './user.repository';
export { PasswordHasher } from './password.hasher';
