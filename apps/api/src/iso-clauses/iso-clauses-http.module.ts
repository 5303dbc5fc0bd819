import { Module } from '@nestjs/common';
import { IsoClausesModule } from '@eiso/iso-clauses';

@Module({
  imports: [IsoClausesModule],
  controllers: [
    // --- controllers ---
  ],
})
export class IsoClausesHttpModule {}
