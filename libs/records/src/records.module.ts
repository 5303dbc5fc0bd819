import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditTrailModule } from '@eiso/audit-trail';
import { IdentityModule } from '@eiso/identity';
import { NotificationsModule } from '@eiso/notifications';
import { DisposalExecutor } from './disposal-executor';
import { DisposalItemEntity } from './disposal-item.entity';
import { DisposalMinutesService } from './disposal-minutes.service';
import { DisposalEntity } from './disposal.entity';
import { DisposalRepository } from './disposal.repository';
import { DisposalsService } from './disposals.service';
import { DisposeJobHandler } from './dispose.job-handler';
import { RecordFileEntity } from './record-file.entity';
import { RecordFileRepository } from './record-file.repository';
import { RecordFilesService } from './record-files.service';
import { RecordAuditVisibility } from './record-audit-visibility';
import { RecordFinder } from './record-finder';
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
    TypeOrmModule.forFeature([
      RecordTypeEntity,
      RecordEntity,
      RecordFileEntity,
      DisposalEntity,
      DisposalItemEntity,
    ]),
    AuditTrailModule,
    IdentityModule,
    NotificationsModule,
  ],
  providers: [
    RecordTypeRepository,
    RecordRepository,
    RecordFileRepository,
    DisposalRepository,
    RecordFinder,
    RecordAuditVisibility,
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
