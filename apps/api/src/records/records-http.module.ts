import { Module } from '@nestjs/common';
import { RecordsModule } from '@eiso/records';
import { DisposalsController } from './disposals.controller';
import { RecordFilesController } from './record-files.controller';
import { RecordRegisterController } from './record-register.controller';
import { RecordTypesController } from './record-types.controller';
import { RecordsController } from './records.controller';

@Module({
  imports: [RecordsModule],
  controllers: [
    RecordTypesController,
    RecordsController,
    RecordFilesController,
    DisposalsController,
    RecordRegisterController,
  ],
})
export class RecordsHttpModule {}
