import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Mailer } from './mailer';
import { NotificationAgencyTransfer } from './notification.agency-transfer';
import { NotificationEntity } from './notification.entity';
import { NotificationRepository } from './notification.repository';
import { NotificationsSendJobHandler } from './notifications-send.job-handler';
import { NotificationsService } from './notifications.service';

/**
 * In-app notifications and their e-mail copies. Import it wherever a service notifies; the app and
 * the worker import it too, for the `notifications.send` handler.
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity])],
  providers: [
    NotificationRepository,
    NotificationsService,
    Mailer,
    NotificationsSendJobHandler,
    NotificationAgencyTransfer,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
