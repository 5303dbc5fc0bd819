import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IsoClauseDirectory } from './iso-clause-directory';
import { IsoClauseRepository } from './iso-clause.repository';
import { IsoClausesService } from './iso-clauses.service';
import { IsoClauseMappingEntity } from './iso-clause-mapping.entity';
import { IsoClauseEntity } from './iso-clause.entity';
import { IsoStandardEditionEntity } from './iso-standard-edition.entity';

@Module({
  imports: [TypeOrmModule.forFeature([IsoStandardEditionEntity, IsoClauseEntity, IsoClauseMappingEntity])],
  providers: [IsoClauseDirectory, IsoClauseRepository, IsoClausesService],
  exports: [IsoClauseDirectory, IsoClausesService],
})
export class IsoClausesModule {}
