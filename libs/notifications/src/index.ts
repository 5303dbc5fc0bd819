export * from './notifications.module';
export * from './notifications.service';
export * from './notification.view';
export * from './notifications.messages';
export * from './notification-recipients';
export * from './web-links';
export { NotificationsSendJobHandler } from './notifications-send.job-handler';
