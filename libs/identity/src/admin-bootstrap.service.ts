import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, Role, systemActor } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { PasswordHasher } from './password.hasher';
import { SESSION_CLOCK } from './session-clock';
import { UserRepository } from './user.repository';
import { auditSummary } from './user.view';

export const BOOTSTRAP_ADMIN_USERNAME = 'admin';

/**
 * On a database with no users, creates `admin` with EISO_ADMIN_PASSWORD, or with a generated
 * password printed once to the log, so a new deployment can be entered without a default secret.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly auditTrail: AuditTrailService,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const generated = this.config.EISO_ADMIN_PASSWORD ? null : randomBytes(12).toString('base64url');
    const password = this.config.EISO_ADMIN_PASSWORD ?? generated!;
    const passwordHash = await this.hasher.hash(password);
    const created = await this.tx.run(async (db) => {
      // Two processes starting together must not both create the account.
      await db.query('SELECT pg_advisory_xact_lock(7315002002)');
      if ((await this.users.count(db)) > 0) return false;
      const now = this.clock.now();
      const admin = {
        id: randomUUID(),
        username: BOOTSTRAP_ADMIN_USERNAME,
        fullName: 'Quản trị hệ thống',
        email: null,
        position: null,
        agencyId: null,
        orgUnitId: null,
        roles: [Role.Admin],
        active: true,
        passwordHash,
        failedLoginCount: 0,
        lockedUntil: null,
        lastLoginAt: null,
        signingFailedCount: 0,
        signingLockedUntil: null,
        passwordChangedAt: SESSION_CLOCK.now(),
        // Chosen by the operator who deploys (or printed to them): not someone else's secret.
        mustChangePassword: false,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.users.insert(db, admin);
      await this.auditTrail.record(db, systemActor('bootstrap'), {
        agencyId: null,
        entityType: 'user',
        entityId: admin.id,
        action: 'user.created',
        after: auditSummary(admin),
      });
      return true;
    });
    if (!created) return;
    if (generated) {
      this.logger.warn(
        `Đã tạo tài khoản quản trị "${BOOTSTRAP_ADMIN_USERNAME}" với mật khẩu sinh ngẫu nhiên: ${generated} ` +
          '(chỉ in một lần; hãy đổi mật khẩu sau khi đăng nhập, hoặc đặt EISO_ADMIN_PASSWORD trước lần chạy đầu).',
      );
    } else {
      this.logger.log(
        `Đã tạo tài khoản quản trị "${BOOTSTRAP_ADMIN_USERNAME}" với mật khẩu từ EISO_ADMIN_PASSWORD.`,
      );
    }
  }
}
