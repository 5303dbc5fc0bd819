import { Module } from '@nestjs/common';
import { ManagementReviewsModule } from '@eiso/management-reviews';
import { ManagementReviewActionsController } from './management-review-actions.controller';
import { ManagementReviewsController } from './management-reviews.controller';

@Module({
  imports: [ManagementReviewsModule],
  controllers: [ManagementReviewsController, ManagementReviewActionsController],
})
export class ManagementReviewsHttpModule {}
