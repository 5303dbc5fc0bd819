import { Module } from '@nestjs/common';
import { AuditsModule } from '@eiso/audits';

@Module({
  imports: [AuditsModule],
  controllers: [
    // --- controllers ---
  ],
})
export class AuditsHttpModule {}
