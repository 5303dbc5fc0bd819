import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@eiso/organizations';
import { OversightService } from './oversight.service';

/** The province's oversight of every agency (DESIGN §8): board, summary, annual report. */
@Module({
  imports: [OrganizationsModule],
  providers: [OversightService],
  exports: [OversightService],
})
export class OversightModule {}
