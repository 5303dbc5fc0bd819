import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditTrailModule } from '@eiso/audit-trail';
import { IdentityModule } from '@eiso/identity';
import { NotificationsModule } from '@eiso/notifications';
import { AcknowledgementRepository } from './acknowledgement.repository';
import { ActivateScheduledJobHandler } from './activate-scheduled.job-handler';
import { AcknowledgementsService } from './acknowledgements.service';
import { ControlledCopyJobHandler } from './controlled-copy.job-handler';
import { ControlledCopyService } from './controlled-copy.service';
import { DocumentAcknowledgementEntity } from './document-acknowledgement.entity';
import { DocumentAuditVisibility } from './document-audit-visibility';
import { DocumentCommentEntity } from './document-comment.entity';
import { DocumentDistributionEntity } from './document-distribution.entity';
import { DocumentFileEntity } from './document-file.entity';
import { DocumentFileRepository } from './document-file.repository';
import { DocumentFilesService } from './document-files.service';
import { DocumentFinder } from './document-finder';
import { DocumentNotifier } from './document-notifier';
import { DocumentSignatureEntity } from './document-signature.entity';
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

@Module({
  imports: [
    TypeOrmModule.forFeature([
      DocumentEntity,
      DocumentVersionEntity,
      DocumentFileEntity,
      DocumentSignatureEntity,
      DocumentCommentEntity,
      DocumentDistributionEntity,
      DocumentAcknowledgementEntity,
    ]),
    AuditTrailModule,
    IdentityModule,
    NotificationsModule,
  ],
  providers: [
    DocumentRepository,
    DocumentVersionRepository,
    DocumentFileRepository,
    AcknowledgementRepository,
    DocumentFinder,
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
  ],
})
export class DocumentsModule {}
