import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditTrailModule } from '@eiso/audit-trail';
import { IdentityModule } from '@eiso/identity';
import { NotificationsModule } from '@eiso/notifications';
import { OrganizationsModule } from '@eiso/organizations';
import { RiskAssessmentEntity } from './risk-assessment.entity';
import { RiskAuditVisibility } from './risk-audit-visibility';
import { RiskDirectory } from './risk-directory';
import { RiskFinder } from './risk-finder';
import { RiskNotifier } from './risk-notifier';
import { RiskOwners } from './risk-owners';
import { RiskRegisterService } from './risk-register.service';
import { RiskReminderEntity } from './risk-reminder.entity';
import { RiskStateChangeEntity } from './risk-state-change.entity';
import { RiskEntity } from './risk.entity';
import { RiskRepository } from './risk.repository';
import { RisksAgencyTransfer } from './risks.agency-transfer';
import { RisksReviewDueJobHandler } from './risks-review-due.job-handler';
import { RisksService } from './risks.service';

/** The register of risks and opportunities (DESIGN §7, ISO 9001 clause 6.1). */
@Module({
  imports: [
    TypeOrmModule.forFeature([RiskEntity, RiskAssessmentEntity, RiskStateChangeEntity, RiskReminderEntity]),
    AuditTrailModule,
    IdentityModule,
    NotificationsModule,
    OrganizationsModule,
  ],
  providers: [
    RiskRepository,
    RiskFinder,
    RiskOwners,
    RiskNotifier,
    RisksService,
    RiskRegisterService,
    RiskDirectory,
    RiskAuditVisibility,
    RisksReviewDueJobHandler,
    RisksAgencyTransfer,
  ],
  exports: [RisksService, RiskRegisterService, RiskDirectory],
})
export class RisksModule {}
