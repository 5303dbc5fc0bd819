import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '@eiso/attachments';
import { AuditTrailModule } from '@eiso/audit-trail';
import { CapaModule } from '@eiso/capa';
import { DocumentsModule } from '@eiso/documents';
import { IdentityModule } from '@eiso/identity';
import { IsoClausesModule } from '@eiso/iso-clauses';
import { NotificationsModule } from '@eiso/notifications';
import { OrganizationsModule } from '@eiso/organizations';
import { SignaturesModule } from '@eiso/signatures';
import { AuditAgencyTransfer } from './audit.agency-transfer';
import { AuditChecklistItemEntity } from './audit-checklist-item.entity';
import { AuditFindingEntity } from './audit-finding.entity';
import { AuditProgrammeEntryEntity } from './audit-programme-entry.entity';
import { AuditProgrammeEntity } from './audit-programme.entity';
import { AuditEntity } from './audit.entity';

/** Internal audits (DESIGN §6, ISO 9001 clause 9.2, ISO 19011): programme, audits, checklist, findings, report. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      AuditProgrammeEntity,
      AuditProgrammeEntryEntity,
      AuditEntity,
      AuditChecklistItemEntity,
      AuditFindingEntity,
    ]),
    AttachmentsModule,
    AuditTrailModule,
    CapaModule,
    DocumentsModule,
    IdentityModule,
    IsoClausesModule,
    NotificationsModule,
    OrganizationsModule,
    SignaturesModule,
  ],
  providers: [
    // --- programmes and audits (H5) ---
    // --- findings and report (H6) ---
    AuditAgencyTransfer,
  ],
  exports: [
    // --- exports (programmes and audits H5) ---
    // --- exports (findings and report H6) ---
  ],
})
export class AuditsModule {}
