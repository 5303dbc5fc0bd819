import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '@eiso/attachments';
import { AuditTrailModule } from '@eiso/audit-trail';
import { AuditsModule } from '@eiso/audits';
import { CapaModule } from '@eiso/capa';
import { DocumentsModule } from '@eiso/documents';
import { IdentityModule } from '@eiso/identity';
import { NotificationsModule } from '@eiso/notifications';
import { ObjectivesModule } from '@eiso/objectives';
import { OrganizationsModule } from '@eiso/organizations';
import { RisksModule } from '@eiso/risks';
import { SignaturesModule } from '@eiso/signatures';
import { ManagementReviewActionAttachmentSubject } from './management-review-action-attachment-subject';
import { ManagementReviewActionEntity } from './management-review-action.entity';
import { ManagementReviewActionsService } from './management-review-actions.service';
import { ManagementReviewAuditVisibility } from './management-review-audit-visibility';
import { ManagementReviewDirectory } from './management-review-directory';
import { ManagementReviewFinder } from './management-review-finder';
import { ManagementReviewNotifier } from './management-review-notifier';
import { ManagementReviewAgencyTransfer } from './management-review.agency-transfer';
import { ManagementReviewEntity } from './management-review.entity';
import { ManagementReviewRepository } from './management-review.repository';
import { ManagementReviewsService } from './management-reviews.service';
import { ReviewInputsCompiler } from './review-inputs-compiler';

/** The management review (DESIGN §7, ISO 9001 clause 9.3). */
@Module({
  imports: [
    TypeOrmModule.forFeature([ManagementReviewEntity, ManagementReviewActionEntity]),
    AttachmentsModule,
    AuditTrailModule,
    AuditsModule,
    CapaModule,
    DocumentsModule,
    IdentityModule,
    NotificationsModule,
    ObjectivesModule,
    OrganizationsModule,
    RisksModule,
    SignaturesModule,
  ],
  providers: [
    ManagementReviewRepository,
    ManagementReviewFinder,
    ManagementReviewNotifier,
    ReviewInputsCompiler,
    ManagementReviewsService,
    ManagementReviewActionsService,
    ManagementReviewActionAttachmentSubject,
    ManagementReviewAuditVisibility,
    ManagementReviewAgencyTransfer,
    ManagementReviewDirectory,
  ],
  exports: [ManagementReviewsService, ManagementReviewActionsService, ManagementReviewDirectory],
})
export class ManagementReviewsModule {}
