import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '@eiso/attachments';
import { AuditTrailModule } from '@eiso/audit-trail';
import { CapaModule } from '@eiso/capa';
import { IdentityModule } from '@eiso/identity';
import { NotificationsModule } from '@eiso/notifications';
import { OrganizationsModule } from '@eiso/organizations';
import { ObjectiveDirectory } from './objective-directory';
import { ObjectiveFinder } from './objective-finder';
import { ObjectiveMeasurementAttachmentSubject } from './objective-measurement-attachment-subject';
import { ObjectiveMeasurementEntity } from './objective-measurement.entity';
import { ObjectiveMeasurementsService } from './objective-measurements.service';
import { ObjectiveNotifier } from './objective-notifier';
import { ObjectivePresenter } from './objective-presenter';
import { ObjectiveReminderEntity } from './objective-reminder.entity';
import { ObjectiveEntity } from './objective.entity';
import { ObjectiveRepository } from './objective.repository';
import { ObjectivesAgencyTransfer } from './objectives.agency-transfer';
import { ObjectivesAuditVisibility } from './objectives-audit-visibility';
import { ObjectivesDueJobHandler } from './objectives-due.job-handler';
import { ObjectivesService } from './objectives.service';

/** Quality objectives and their measurements (DESIGN §7, ISO 9001 clause 6.2). */
@Module({
  imports: [
    TypeOrmModule.forFeature([ObjectiveEntity, ObjectiveMeasurementEntity, ObjectiveReminderEntity]),
    AttachmentsModule,
    AuditTrailModule,
    CapaModule,
    IdentityModule,
    NotificationsModule,
    OrganizationsModule,
  ],
  providers: [
    ObjectiveRepository,
    ObjectiveFinder,
    ObjectivePresenter,
    ObjectiveNotifier,
    ObjectivesService,
    ObjectiveMeasurementsService,
    ObjectiveMeasurementAttachmentSubject,
    ObjectivesAuditVisibility,
    ObjectiveDirectory,
    ObjectivesDueJobHandler,
    ObjectivesAgencyTransfer,
  ],
  exports: [ObjectivesService, ObjectiveMeasurementsService, ObjectiveDirectory],
})
export class ObjectivesModule {}
