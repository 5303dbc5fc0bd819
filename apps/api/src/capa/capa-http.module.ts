import { Module } from '@nestjs/common';
import { CapaModule } from '@eiso/capa';

@Module({
  imports: [CapaModule],
  controllers: [
    // --- controllers ---
  ],
})
export class CapaHttpModule {}
