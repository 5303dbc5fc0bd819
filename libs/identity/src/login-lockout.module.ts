import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditTrailModule } from '@eiso/audit-trail';
import { LoginFailureRepository } from './login-failure.repository';
import { LoginLockoutService } from './login-lockout.service';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/**
 * Accounts' rows and login failure counters, without tokens, queues or notifications: what the
 * command line needs to unlock an account. IdentityModule builds on it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), AuditTrailModule],
  providers: [UserRepository, LoginFailureRepository, LoginLockoutService],
  exports: [UserRepository, LoginFailureRepository, LoginLockoutService],
})
export class LoginLockoutModule {}
