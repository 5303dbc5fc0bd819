import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IsoClauseDirectory } from './iso-clause-directory';
import { IsoClauseMappingEntity } from './iso-clause-mapping.entity';
import { IsoClauseEntity } from './iso-clause.entity';
import { IsoStandardEditionEntity } from './iso-standard-edition.entity';

@Module({
  imports: [TypeOrmModule.forFeature([IsoStandardEditionEntity, IsoClauseEntity, IsoClauseMappingEntity])],
  providers: [IsoClauseDirectory],
  exports: [IsoClauseDirectory],
})
export class IsoClausesModule {}
