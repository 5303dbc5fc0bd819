import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditTrailModule } from '@eiso/audit-trail';
import { AuditsModule } from '@eiso/audits';
import { CapaModule } from '@eiso/capa';
import { DocumentsModule } from '@eiso/documents';
import { IdentityModule } from '@eiso/identity';
import { ManagementReviewsModule } from '@eiso/management-reviews';
import { NotificationsModule } from '@eiso/notifications';
import { ObjectivesModule } from '@eiso/objectives';
import { OrganizationsModule } from '@eiso/organizations';
import { SignaturesModule } from '@eiso/signatures';
import { ConformityDeclarationsService } from './conformity-declarations.service';
import { ConformityReadinessService } from './conformity-readiness.service';
import { DeclarationAgencyTransfer } from './declaration.agency-transfer';
import { DeclarationAuditVisibility } from './declaration-audit-visibility';
import { DeclarationFinder } from './declaration-finder';
import { DeclarationNotifier } from './declaration-notifier';
import { ConformityDeclarationEntity } from './declaration.entity';
import { DeclarationRepository } from './declaration.repository';

/**
 * The conformity declaration (DESIGN §8): its prerequisites, read from the domains that own them,
 * and the decision itself from draft to the overseer's acknowledgement.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ConformityDeclarationEntity]),
    AuditTrailModule,
    AuditsModule,
    CapaModule,
    DocumentsModule,
    IdentityModule,
    ManagementReviewsModule,
    NotificationsModule,
    ObjectivesModule,
    OrganizationsModule,
    SignaturesModule,
  ],
  providers: [
    ConformityReadinessService,
    ConformityDeclarationsService,
    DeclarationRepository,
    DeclarationFinder,
    DeclarationNotifier,
    DeclarationAuditVisibility,
    DeclarationAgencyTransfer,
  ],
  exports: [ConformityReadinessService, ConformityDeclarationsService],
})
export class ConformityModule {}
