import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '@eiso/attachments';
import { AuditTrailModule } from '@eiso/audit-trail';
import { DocumentsModule } from '@eiso/documents';
import { IdentityModule } from '@eiso/identity';
import { IsoClausesModule } from '@eiso/iso-clauses';
import { NotificationsModule } from '@eiso/notifications';
import { OrganizationsModule } from '@eiso/organizations';
import { CapaAgencyTransfer } from './capa.agency-transfer';
import { CapaDueJobHandler } from './capa-due.job-handler';
import { CapaDueNotifier } from './capa-due-notifier';
import { CapaReminderRepository } from './capa-reminder.repository';
import { CapaReminderEntity } from './capa-reminder.entity';
import { CorrectiveActionTaskEntity } from './corrective-action-task.entity';
import { CorrectiveActionVerificationEntity } from './corrective-action-verification.entity';
import { CorrectiveActionEntity } from './corrective-action.entity';
import { NonconformityEntity } from './nonconformity.entity';
// imports (nonconformities H2)
import { NonconformityDirectory } from './nonconformity-directory';
import { NonconformityNotifier } from './nonconformity-notifier';
import { NonconformityRaiser } from './nonconformity-raiser';
import { NonconformityRepository } from './nonconformity.repository';
import { NonconformityFinder } from './nonconformity-finder';
import { NonconformitiesService } from './nonconformities.service';
import { NonconformitySummaryService } from './nonconformity-summary.service';
import { CapaRegisterService } from './capa-register.service';
import { CapaAuditVisibility } from './capa-audit-visibility';
// imports (corrective actions H3)
import { CorrectiveActionFinder } from './corrective-action-finder';
import { CorrectiveActionNotifier } from './corrective-action-notifier';
import { CorrectiveActionRepository } from './corrective-action.repository';
import { CorrectiveActionTaskAttachmentSubject } from './corrective-action-task-attachment-subject';
import { CorrectiveActionTaskAuditVisibility } from './corrective-action-task-audit-visibility';
import { CorrectiveActionTasksService } from './corrective-action-tasks.service';
import { CorrectiveActionVerificationService } from './corrective-action-verification.service';
import { CorrectiveActionsService } from './corrective-actions.service';

/** Nonconformities and corrective actions (DESIGN §6, ISO 9001 clause 10.2). */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      NonconformityEntity,
      CorrectiveActionEntity,
      CorrectiveActionTaskEntity,
      CorrectiveActionVerificationEntity,
      CapaReminderEntity,
    ]),
    AttachmentsModule,
    AuditTrailModule,
    DocumentsModule,
    IdentityModule,
    IsoClausesModule,
    NotificationsModule,
    OrganizationsModule,
  ],
  providers: [
    // --- nonconformities (H2) ---
    NonconformityRepository,
    NonconformityNotifier,
    NonconformityRaiser,
    NonconformityDirectory,
    NonconformityFinder,
    NonconformitiesService,
    NonconformitySummaryService,
    CapaRegisterService,
    CapaAuditVisibility,
    // --- corrective actions (H3) ---
    CorrectiveActionRepository,
    CorrectiveActionFinder,
    CorrectiveActionNotifier,
    CorrectiveActionTaskAttachmentSubject,
    CorrectiveActionTaskAuditVisibility,
    CorrectiveActionsService,
    CorrectiveActionTasksService,
    CorrectiveActionVerificationService,
    // --- capa.due job (H4) ---
    CapaDueJobHandler,
    CapaDueNotifier,
    CapaReminderRepository,
    CapaAgencyTransfer,
  ],
  exports: [
    // --- exports (nonconformities H2) ---
    NonconformityRaiser,
    NonconformityDirectory,
    NonconformityFinder,
    NonconformityRepository,
    NonconformitiesService,
    NonconformitySummaryService,
    CapaRegisterService,
    // --- exports (corrective actions H3) ---
    CorrectiveActionsService,
    CorrectiveActionTasksService,
    CorrectiveActionVerificationService,
  ],
})
export class CapaModule {}
