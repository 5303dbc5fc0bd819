import { Injectable } from '@nestjs/common';
import { Role } from '@eiso/common';
import { Db } from '@eiso/database';
import { NewNotification, NotificationsService, WebLink, webLink } from '@eiso/notifications';
import { IDENTITY_MESSAGES, SigningLockFacts } from './identity.messages';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/**
 * A signature locked by wrong signing passwords is attempted misuse until shown otherwise: the
 * agency's ISO secretaries are told, and so is the holder (whose session may be in someone else's
 * hands). Rows (and their e-mail job) are written in the caller's transaction.
 */
@Injectable()
export class SigningLockNotifier {
  constructor(
    private readonly users: UserRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async notify(
    db: Db,
    user: UserEntity,
    facts: Omit<SigningLockFacts, 'username' | 'fullName' | 'position'>,
  ): Promise<string[]> {
    const all: SigningLockFacts = {
      ...facts,
      username: user.username,
      fullName: user.fullName,
      position: user.position,
    };
    const secretaries = user.agencyId
      ? await this.users.activeIdsWithRole(db, user.agencyId, Role.IsoSecretary)
      : [];
    const dedupKey = `auth.signing_locked:${user.id}:${facts.lockedUntil.toISOString()}`;
    const item = (userId: string, text: { title: string; body: string }, link: WebLink): NewNotification => ({
      userId,
      agencyId: user.agencyId,
      kind: 'auth.signing_locked',
      title: text.title,
      body: text.body,
      entityType: 'user',
      entityId: user.id,
      link,
      dedupKey,
    });
    return this.notifications.notify(db, [
      item(user.id, IDENTITY_MESSAGES.signingLockedForHolder(all), webLink.profile()),
      ...secretaries
        .filter((id) => id !== user.id)
        .map((id) => item(id, IDENTITY_MESSAGES.signingLockedForSecretary(all), webLink.user(user.id))),
    ]);
  }
}
