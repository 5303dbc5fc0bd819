import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '@eiso/attachments';
import { AuditTrailModule } from '@eiso/audit-trail';
import { DocumentsModule } from '@eiso/documents';
import { IdentityModule } from '@eiso/identity';
import { NotificationsModule } from '@eiso/notifications';
import { OrganizationsModule } from '@eiso/organizations';
import { SignaturesModule } from '@eiso/signatures';
import { DisposalExecutor } from './disposal-executor';
import { DisposalItemEntity } from './disposal-item.entity';
import { DisposalMinutesService } from './disposal-minutes.service';
import { DisposalEntity } from './disposal.entity';
import { DisposalRepository } from './disposal.repository';
import { DisposalsService } from './disposals.service';
import { DisposeJobHandler } from './dispose.job-handler';
import { RecordFilesService } from './record-files.service';
import { RecordAttachmentSubject } from './record-attachment-subject';
import { RecordAuditVisibility } from './record-audit-visibility';
import { RecordFinder } from './record-finder';
import { RecordAgencyTransfer } from './record.agency-transfer';
import { RecordRegisterService } from './record-register.service';
import { RecordTypeEntity } from './record-type.entity';
import { RecordTypeRepository } from './record-type.repository';
import { RecordTypesService } from './record-types.service';
import { RecordEntity } from './record.entity';
import { RecordRepository } from './record.repository';
import { RecordsNotifier } from './records-notifier';
import { RecordsService } from './records.service';
import { RetentionJobHandler } from './retention.job-handler';

@Module({
  imports: [
    TypeOrmModule.forFeature([RecordTypeEntity, RecordEntity, DisposalEntity, DisposalItemEntity]),
    AttachmentsModule,
    AuditTrailModule,
    DocumentsModule,
    IdentityModule,
    NotificationsModule,
    OrganizationsModule,
    SignaturesModule,
  ],
  providers: [
    RecordTypeRepository,
    RecordRepository,
    DisposalRepository,
    RecordFinder,
    RecordAuditVisibility,
    RecordAttachmentSubject,
    RecordsNotifier,
    RecordTypesService,
    RecordsService,
    RecordFilesService,
    DisposalsService,
    DisposalExecutor,
    DisposalMinutesService,
    RecordRegisterService,
    RetentionJobHandler,
    DisposeJobHandler,
    RecordAgencyTransfer,
  ],
  exports: [
    RecordTypesService,
    RecordsService,
    RecordFilesService,
    DisposalsService,
    DisposalMinutesService,
    RecordRegisterService,
  ],
})
export class RecordsModule {}
