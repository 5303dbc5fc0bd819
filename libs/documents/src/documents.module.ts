import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '@eiso/attachments';
import { AuditTrailModule } from '@eiso/audit-trail';
import { ContentModule } from '@eiso/content';
import { IdentityModule } from '@eiso/identity';
import { NotificationsModule } from '@eiso/notifications';
import { OrganizationsModule } from '@eiso/organizations';
import { SignaturesModule } from '@eiso/signatures';
import { AcknowledgementRepository } from './acknowledgement.repository';
import { ActivateScheduledJobHandler } from './activate-scheduled.job-handler';
import { AcknowledgementsService } from './acknowledgements.service';
import { ControlledCopyJobHandler } from './controlled-copy.job-handler';
import { ControlledCopyService } from './controlled-copy.service';
import { DocumentAcknowledgementEntity } from './document-acknowledgement.entity';
import { DocumentAuditVisibility } from './document-audit-visibility';
import { DocumentCommentEntity } from './document-comment.entity';
import { DocumentDistributionEntity } from './document-distribution.entity';
import { DocumentFilesService } from './document-files.service';
import { DocumentDirectory } from './document-directory';
import { DocumentFinder } from './document-finder';
import { DocumentAgencyTransfer } from './document.agency-transfer';
import { DocumentNotifier } from './document-notifier';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentVersionRepository } from './document-version.repository';
import { DocumentVersionsService } from './document-versions.service';
import { DocumentWorkflowService } from './document-workflow.service';
import { DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { DocumentsService } from './documents.service';
import { RegistersService } from './registers.service';
import { ReviewDueJobHandler } from './review-due.job-handler';
import { ScheduledActivationService } from './scheduled-activation.service';
import { SignatureManifestService } from './signature-manifest.service';
import { VersionAttachmentSubject } from './version-attachment-subject';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      DocumentEntity,
      DocumentVersionEntity,
      DocumentCommentEntity,
      DocumentDistributionEntity,
      DocumentAcknowledgementEntity,
    ]),
    AttachmentsModule,
    AuditTrailModule,
    ContentModule,
    IdentityModule,
    NotificationsModule,
    OrganizationsModule,
    SignaturesModule,
  ],
  providers: [
    DocumentRepository,
    DocumentVersionRepository,
    AcknowledgementRepository,
    DocumentFinder,
    VersionAttachmentSubject,
    DocumentDirectory,
    DocumentAuditVisibility,
    DocumentNotifier,
    DocumentsService,
    DocumentVersionsService,
    DocumentFilesService,
    DocumentWorkflowService,
    AcknowledgementsService,
    ControlledCopyService,
    RegistersService,
    ControlledCopyJobHandler,
    ReviewDueJobHandler,
    SignatureManifestService,
    ScheduledActivationService,
    ActivateScheduledJobHandler,
    DocumentAgencyTransfer,
  ],
  exports: [
    DocumentsService,
    DocumentVersionsService,
    DocumentFilesService,
    DocumentWorkflowService,
    AcknowledgementsService,
    ControlledCopyService,
    RegistersService,
    SignatureManifestService,
    ScheduledActivationService,
    DocumentDirectory,
  ],
})
export class DocumentsModule {}
