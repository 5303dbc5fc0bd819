import { Module } from '@nestjs/common';
import { AuditsModule } from '@eiso/audits';
import { CapaModule } from '@eiso/capa';
import { DocumentsModule } from '@eiso/documents';
import { ManagementReviewsModule } from '@eiso/management-reviews';
import { ObjectivesModule } from '@eiso/objectives';
import { ConformityReadinessService } from './conformity-readiness.service';

/** The conformity declaration (DESIGN §8): its prerequisites, read from the domains that own them. */
@Module({
  imports: [AuditsModule, CapaModule, DocumentsModule, ManagementReviewsModule, ObjectivesModule],
  providers: [ConformityReadinessService],
  exports: [ConformityReadinessService],
})
export class ConformityModule {}
