import { Module } from '@nestjs/common';
import { NotificationsModule } from '@eiso/notifications';
import { NotificationsController } from './notifications.controller';

/** HTTP routes of the user's inbox. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController],
})
export class NotificationsHttpModule {}
