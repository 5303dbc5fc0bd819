import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditActorNames, AuditTrailModule } from '@eiso/audit-trail';
import { NotificationRecipients, NotificationsModule } from '@eiso/notifications';
import { OrganizationsModule } from '@eiso/organizations';
import { AccessTokenService } from './access-token.service';
import { AuthService } from './auth.service';
import { SIGNING_SECRET } from './identity.tokens';
import { LoginLockoutModule } from './login-lockout.module';
import { PasswordCheckService } from './password-check.service';
import { PasswordHasher } from './password.hasher';
import { RefreshTokenEntity } from './refresh-token.entity';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SigningLockNotifier } from './signing-lock.notifier';
import { UserAgencyTransfer } from './user.agency-transfer';
import { UserEntity } from './user.entity';
import { UserAuditVisibility } from './user-audit-visibility';
import { UserDirectory } from './user-directory';
import { UsersService } from './users.service';

/** Users, login, tokens. Needs SIGNING_SECRET provided globally by the app. */
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]),
    AuditTrailModule,
    LoginLockoutModule,
    NotificationsModule,
    OrganizationsModule,
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
    UserDirectory,
    UserAgencyTransfer,
    // The trail and the notifications ask identity through these (they cannot import it).
    { provide: AuditActorNames, useExisting: UserDirectory },
    { provide: NotificationRecipients, useExisting: UserDirectory },
  ],
  exports: [AuthService, UsersService, AccessTokenService, PasswordHasher, LoginLockoutModule, UserDirectory],
})
export class IdentityModule {}
