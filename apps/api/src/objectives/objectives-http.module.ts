import { Module } from '@nestjs/common';
import { ObjectivesModule } from '@eiso/objectives';
import { ObjectiveMeasurementsController } from './objective-measurements.controller';
import { ObjectivesController } from './objectives.controller';

@Module({
  imports: [ObjectivesModule],
  controllers: [ObjectivesController, ObjectiveMeasurementsController],
})
export class ObjectivesHttpModule {}
