import { Module } from '@nestjs/common';
import { ConformityModule } from '@eiso/conformity';
import { ConformityController } from './conformity.controller';

@Module({
  imports: [ConformityModule],
  controllers: [ConformityController],
})
export class ConformityHttpModule {}
