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
import { CapaReminderEntity } from './capa-reminder.entity';
import { CorrectiveActionTaskEntity } from './corrective-action-task.entity';
import { CorrectiveActionVerificationEntity } from './corrective-action-verification.entity';
import { CorrectiveActionEntity } from './corrective-action.entity';
import { NonconformityEntity } from './nonconformity.entity';

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
    // --- corrective actions (H3) ---
    // --- capa.due job (H4) ---
    CapaAgencyTransfer,
  ],
  exports: [
    // --- exports (nonconformities H2) ---
    // --- exports (corrective actions H3) ---
  ],
})
export class CapaModule {}
