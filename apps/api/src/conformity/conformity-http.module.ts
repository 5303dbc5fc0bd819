import { Module } from '@nestjs/common';
import { ConformityModule } from '@eiso/conformity';
import { ConformityController } from './conformity.controller';
import { DeclarationsController } from './declarations.controller';

@Module({
  imports: [ConformityModule],
  controllers: [ConformityController, DeclarationsController],
})
export class ConformityHttpModule {}
