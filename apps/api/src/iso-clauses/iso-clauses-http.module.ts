import { Module } from '@nestjs/common';
import { IsoClausesModule } from '@eiso/iso-clauses';
import { IsoClausesController } from './iso-clauses.controller';

@Module({
  imports: [IsoClausesModule],
  controllers: [
    // --- controllers ---
    IsoClausesController,
  ],
})
export class IsoClausesHttpModule {}
