import { Module } from '@nestjs/common';
import { DocumentsModule } from '@eiso/documents';
import { RegistersController } from './registers.controller';

@Module({ imports: [DocumentsModule], controllers: [RegistersController] })
export class RegistersHttpModule {}
