import { Injectable } from '@nestjs/common';
import { Role } from '@eiso/common';
import { Db } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { NotificationsService, webLink } from '@eiso/notifications';
import { CONFORMITY_MESSAGES } from './conformity.messages';
import { ConformityDeclarationEntity } from './declaration.entity';

/**
 * Who hears of a declaration: every overseer (Sở KH&CN) when an agency submits it; the agency's
 * ISO secretaries and its signer when the overseer acknowledges it. Never the person who acted;
 * written in the caller's transaction.
 */
@Injectable()
export class DeclarationNotifier {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly users: UserDirectory,
  ) {}

  async submitted(
    db: Db,
    actorId: string,
    d: ConformityDeclarationEntity,
    agencyName: string,
  ): Promise<void> {
    const text = CONFORMITY_MESSAGES.submitted(agencyName, d.number!, d.decisionDate!);
    const overseers = (await this.users.withRoleAnywhere(Role.Overseer, db)).filter((u) => u.id !== actorId);
    if (!overseers.length) return;
    await this.notifications.notify(
      db,
      overseers.map((u) => ({
        userId: u.id,
        agencyId: d.agencyId,
        kind: 'conformity_declaration.submitted',
        title: text.title,
        body: text.body,
        entityType: 'conformity_declaration',
        entityId: d.id,
        link: webLink.declaration(d.id),
        dedupKey: `conformity_declaration.submitted:${d.id}`,
      })),
    );
  }

  async acknowledged(db: Db, actorId: string, d: ConformityDeclarationEntity): Promise<void> {
    const text = CONFORMITY_MESSAGES.acknowledged(d.number!);
    const secretaries = await this.users.withRole(d.agencyId, Role.IsoSecretary, {}, db);
    const recipients = new Set([...secretaries.map((u) => u.id), ...(d.signedBy ? [d.signedBy] : [])]);
    recipients.delete(actorId);
    if (!recipients.size) return;
    await this.notifications.notify(
      db,
      [...recipients].map((userId) => ({
        userId,
        agencyId: d.agencyId,
        kind: 'conformity_declaration.acknowledged',
        title: text.title,
        body: text.body,
        entityType: 'conformity_declaration',
        entityId: d.id,
        link: webLink.declaration(d.id),
        dedupKey: `conformity_declaration.acknowledged:${d.id}`,
      })),
    );
  }
}
