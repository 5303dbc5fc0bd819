import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditTrailModule } from '@eiso/audit-trail';
import { AgenciesService } from './agencies.service';
import { AgencyEntity } from './agency.entity';
import { AgencyDirectory } from './agency-directory';
import { AgencyHeadingReader } from './agency-heading';
import { AgencyImportService } from './agency-import.service';
import { AgencyRepository } from './agency.repository';
import { AgencySuccession } from './agency-succession';
import { OrgUnitAgencyTransfer } from './org-unit.agency-transfer';
import { OrgUnitEntity } from './org-unit.entity';
import { OrgUnitRepository } from './org-unit.repository';
import { OrgUnitsService } from './org-units.service';
import { OrganizationAuditVisibility } from './organization-audit-visibility';

/** Agencies, their org units and the roadmap import. Needs TransactionRunner (DatabaseModule) globally. */
@Module({
  imports: [TypeOrmModule.forFeature([AgencyEntity, OrgUnitEntity]), AuditTrailModule],
  providers: [
    AgencyRepository,
    OrgUnitRepository,
    AgenciesService,
    OrgUnitsService,
    AgencyImportService,
    AgencyHeadingReader,
    AgencyDirectory,
    OrganizationAuditVisibility,
    OrgUnitAgencyTransfer,
    AgencySuccession,
  ],
  exports: [
    AgenciesService,
    OrgUnitsService,
    AgencyImportService,
    AgencyHeadingReader,
    AgencyDirectory,
    AgencySuccession,
  ],
})
export class OrganizationsModule {}
