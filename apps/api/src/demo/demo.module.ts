import { Module } from '@nestjs/common';
import { IdentityModule } from '@eiso/identity';
import { OrganizationsModule } from '@eiso/organizations';
import { RecordsModule } from '@eiso/records';
import { DemoSeederService } from './demo-seeder.service';

/** The embedded profile's demo province (DESIGN §2). */
@Module({
  imports: [IdentityModule, OrganizationsModule, RecordsModule],
  providers: [DemoSeederService],
})
export class DemoModule {}
