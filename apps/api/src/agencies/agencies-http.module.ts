import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@eiso/organizations';
import { RestructuringModule } from '@eiso/restructuring';
import { AgencyRestructureController } from './agency-restructure.controller';
import { AgenciesImportController } from './agencies-import.controller';
import { AgenciesController } from './agencies.controller';
import { OrgUnitsController } from './org-units.controller';

/** HTTP routes of agencies, their org units, the roadmap import and restructuring. */
@Module({
  imports: [OrganizationsModule, RestructuringModule],
  controllers: [
    AgencyRestructureController,
    AgenciesImportController,
    AgenciesController,
    OrgUnitsController,
  ],
})
export class AgenciesHttpModule {}
