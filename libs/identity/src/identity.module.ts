import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditTrailModule } from '@eiso/audit-trail';
import { NotificationsModule } from '@eiso/notifications';
import { AccessTokenService } from './access-token.service';
import { AuthService } from './auth.service';
import { SIGNING_SECRET } from './identity.tokens';
import { LoginLockoutModule } from './login-lockout.module';
import { PasswordCheckService } from './password-check.service';
import { PasswordHasher } from './password.hasher';
import { RefreshTokenEntity } from './refresh-token.entity';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SigningLockNotifier } from './signing-lock.notifier';
import { UserEntity } from './user.entity';
import { UserAuditVisibility } from './user-audit-visibility';
import { UsersService } from './users.service';

/** Users, login, tokens. Needs SIGNING_SECRET provided globally by the app. */
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]),
    AuditTrailModule,
    LoginLockoutModule,
    NotificationsModule,
    JwtModule.registerAsync({
      inject: [SIGNING_SECRET],
      useFactory: (secret: string) => ({
        secret,
        signOptions: { algorithm: 'HS256', issuer: 'eiso' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'eiso' },
      }),
    }),
  ],
  providers: [
    RefreshTokenRepository,
    PasswordHasher,
    PasswordCheckService,
    SigningLockNotifier,
    AccessTokenService,
    AuthService,
    UsersService,
    UserAuditVisibility,
  ],
  exports: [AuthService, UsersService, AccessTokenService, PasswordHasher, LoginLockoutModule],
})
export class IdentityModule {}
