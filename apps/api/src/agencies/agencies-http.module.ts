import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@eiso/organizations';
import { AgenciesImportController } from './agencies-import.controller';
import { AgenciesController } from './agencies.controller';
import { OrgUnitsController } from './org-units.controller';

/** HTTP routes of agencies, their org units and the roadmap import. */
@Module({
  imports: [OrganizationsModule],
  controllers: [AgenciesImportController, AgenciesController, OrgUnitsController],
})
export class AgenciesHttpModule {}
