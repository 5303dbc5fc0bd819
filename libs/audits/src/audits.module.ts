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
import { AuditDirectory } from './audit-directory';
import { AuditFindingAttachmentSubject } from './audit-finding-attachment-subject';
import { AuditFindingRepository } from './audit-finding.repository';
import { AuditFindingsService } from './audit-findings.service';
import { AuditReportService } from './audit-report.service';
import { AuditChecklistItemEntity } from './audit-checklist-item.entity';
import { AuditFindingEntity } from './audit-finding.entity';
import { AuditProgrammeEntryEntity } from './audit-programme-entry.entity';
import { AuditProgrammeEntity } from './audit-programme.entity';
import { AuditEntity } from './audit.entity';
import { AuditFinder } from './audit-finder';
import { AuditRepository } from './audit.repository';
import { AuditProgrammeRepository } from './audit-programme.repository';
import { AuditProgrammeFinder } from './audit-programme-finder';
import { AuditProgrammesService } from './audit-programmes.service';
import { AuditProgrammeRegisterService } from './audit-programme-register.service';
import { AuditsService } from './audits.service';
import { AuditsNotifier } from './audits-notifier';
import { AuditChecklistService } from './audit-checklist.service';
import { AuditChecklistItemAttachmentSubject } from './audit-checklist-item-attachment-subject';
import { AuditsAuditVisibility } from './audit-audit-visibility';

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
    AuditDirectory,
    // --- programmes and audits (H5) ---
    AuditRepository,
    AuditFinder,
    AuditProgrammeRepository,
    AuditProgrammeFinder,
    AuditProgrammesService,
    AuditProgrammeRegisterService,
    AuditsService,
    AuditsNotifier,
    AuditChecklistService,
    AuditChecklistItemAttachmentSubject,
    AuditsAuditVisibility,
    // --- findings and report (H6) ---
    AuditFindingRepository,
    AuditFindingAttachmentSubject,
    AuditFindingsService,
    AuditReportService,
    AuditAgencyTransfer,
  ],
  exports: [
    // --- exports (programmes and audits H5) ---
    AuditRepository,
    AuditFinder,
    AuditProgrammesService,
    AuditProgrammeRegisterService,
    AuditsService,
    AuditChecklistService,
    // --- exports (findings and report H6) ---
    AuditDirectory,
    AuditFindingsService,
    AuditReportService,
  ],
})
export class AuditsModule {}
