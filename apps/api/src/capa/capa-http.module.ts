import { Module } from '@nestjs/common';
import { CapaModule } from '@eiso/capa';
import { NonconformitiesController } from './nonconformities.controller';
import { CorrectiveActionTasksController } from './corrective-action-tasks.controller';
import { CorrectiveActionsController } from './corrective-actions.controller';

@Module({
  imports: [CapaModule],
  controllers: [
    // --- controllers ---
    CorrectiveActionsController,
    CorrectiveActionTasksController,
    NonconformitiesController,
  ],
})
export class CapaHttpModule {}
