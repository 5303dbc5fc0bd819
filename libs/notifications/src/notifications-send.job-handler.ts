import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { isEmail } from 'class-validator';
import { Clock, JobName, JobPayloads } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { TransactionRunner } from '@eiso/database';
import { JobHandler, JobHandlerContract } from '@eiso/queue';
import { isConnectionFailure, isRejection, Mailer } from './mailer';
import { NotificationEntity } from './notification.entity';
import { NotificationRecipients } from './notification-recipients';
import { NotificationRepository } from './notification.repository';
import { NOTIFICATION_MESSAGES } from './notifications.messages';
import { absoluteWebLink } from './web-links';

/**
 * E-mails the copy of each notification whose user is active, has a valid address, and has not
 * been e-mailed it yet; each one is marked right after it is sent, so a retry or a second run
 * sends only what is left. A server that cannot be reached stops the run (BullMQ retries it);
 * a message the server refuses for good is logged and skipped.
 */
@Injectable()
@JobHandler(JobName.NotificationsSend)
export class NotificationsSendJobHandler
  implements JobHandlerContract<JobName.NotificationsSend>, OnModuleInit
{
  private readonly logger = new Logger(NotificationsSendJobHandler.name);
  private recipients: NotificationRecipients | undefined;

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly tx: TransactionRunner,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Identity provides the addresses (it imports this module, so it cannot be imported here). */
  onModuleInit(): void {
    this.recipients = this.moduleRef.get(NotificationRecipients, { strict: false });
  }

  async handle({ notificationIds }: JobPayloads[JobName.NotificationsSend]): Promise<void> {
    if (!this.mailer.enabled) {
      this.logger.log(NOTIFICATION_MESSAGES.inAppOnly(notificationIds.length));
      return;
    }
    const db = this.tx.db;
    const pending = (await this.notifications.findByIds(db, notificationIds)).filter((n) => !n.emailedAt);
    const recipients = await this.recipients!.recipientsOf(
      pending.map((n) => n.userId),
      db,
    );
    let sent = 0;
    let retry: Error | undefined;
    for (const notification of pending) {
      const recipient = recipients.get(notification.userId);
      if (!recipient?.active || !recipient.email) continue;
      if (!isEmail(recipient.email)) {
        this.logger.warn(NOTIFICATION_MESSAGES.invalidAddress(notification.id, recipient.email));
        continue;
      }
      try {
        await this.mailer.send({
          to: recipient.email,
          subject: notification.title,
          text: emailText(notification, this.config.PUBLIC_BASE_URL),
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (isRejection(error)) {
          this.logger.warn(NOTIFICATION_MESSAGES.rejected(notification.id, reason));
          continue;
        }
        if (isConnectionFailure(error)) throw error;
        // Refused for now (4xx) for this one message: the others still go, then the job retries.
        this.logger.warn(NOTIFICATION_MESSAGES.transient(notification.id, reason));
        retry ??= error instanceof Error ? error : new Error(reason);
        continue;
      }
      await this.notifications.markEmailed(db, notification.id, this.clock.now());
      sent++;
    }
    this.logger.log(NOTIFICATION_MESSAGES.sent(sent, notificationIds.length));
    if (retry) throw retry;
  }
}

function emailText(notification: NotificationEntity, baseUrl: string | undefined): string {
  return notification.link
    ? `${notification.body}\n\n${NOTIFICATION_MESSAGES.emailLink(absoluteWebLink(notification.link, baseUrl))}`
    : notification.body;
}
