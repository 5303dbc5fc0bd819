import { NotificationEntity } from './notification.entity';
import { WebLink } from './web-links';

/** What a caller asks to be told to one user. Text is stored NFC-normalized. */
export interface NewNotification {
  userId: string;
  agencyId: string | null;
  /** What happened, e.g. `document.submitted`. */
  kind: string;
  title: string;
  body: string;
  entityType?: string | null;
  entityId?: string | null;
  /** The web app's page of the subject, e.g. `/documents/<id>`: only `webLink` makes one. */
  link?: WebLink | null;
  /** At most one notification per user and key: a job run twice notifies once. */
  dedupKey?: string | null;
}

/** A notification as its recipient sees it. */
export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationListQuery {
  page: number;
  pageSize: number;
  unreadOnly?: boolean;
}

/** A page of the inbox, with how many of all the user's notifications are unread. */
export interface NotificationPage {
  items: NotificationView[];
  total: number;
  page: number;
  pageSize: number;
  unread: number;
}

export function toNotificationView(n: NotificationEntity): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    entityType: n.entityType,
    entityId: n.entityId,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
