import { Module } from '@nestjs/common';
import { RisksModule } from '@eiso/risks';
import { RisksController } from './risks.controller';

@Module({
  imports: [RisksModule],
  controllers: [RisksController],
})
export class RisksHttpModule {}
