import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@eiso/organizations';
import { SearchService } from './search.service';

/** Search in what the files of documents and records hold (GET /search). */
@Module({
  imports: [OrganizationsModule],
  providers: [SearchService],
  exports: [SearchService],
})
export class SearchModule {}
