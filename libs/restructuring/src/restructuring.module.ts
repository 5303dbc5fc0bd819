import { Module } from '@nestjs/common';
import { AuditTrailModule } from '@eiso/audit-trail';
import { AgencyTransferModule } from '@eiso/database';
import { OrganizationsModule } from '@eiso/organizations';
import { RestructureService } from './restructure.service';

/**
 * Restructuring of agencies (merge, rename, dissolve): above every domain, it runs their transfer
 * steps through the registry and the organizations domain's succession.
 */
@Module({
  imports: [AgencyTransferModule, AuditTrailModule, OrganizationsModule],
  providers: [RestructureService],
  exports: [RestructureService],
})
export class RestructuringModule {}
