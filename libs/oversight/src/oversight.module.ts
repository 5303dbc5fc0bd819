import { Module } from '@nestjs/common';
import { AuditsModule } from '@eiso/audits';
import { CapaModule } from '@eiso/capa';
import { ConformityModule } from '@eiso/conformity';
import { DocumentsModule } from '@eiso/documents';
import { ManagementReviewsModule } from '@eiso/management-reviews';
import { OrganizationsModule } from '@eiso/organizations';
import { InspectionPackService } from './inspection-pack.service';
import { OversightService } from './oversight.service';

/** The province's oversight of every agency (DESIGN §8): board, summary, annual report, inspection pack. */
@Module({
  imports: [
    AuditsModule,
    CapaModule,
    ConformityModule,
    DocumentsModule,
    ManagementReviewsModule,
    OrganizationsModule,
  ],
  providers: [OversightService, InspectionPackService],
  exports: [OversightService, InspectionPackService],
})
export class OversightModule {}
