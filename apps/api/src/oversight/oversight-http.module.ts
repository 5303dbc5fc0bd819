import { Module } from '@nestjs/common';
import { OversightModule } from '@eiso/oversight';
import { OversightController } from './oversight.controller';

@Module({
  imports: [OversightModule],
  controllers: [OversightController],
})
export class OversightHttpModule {}
