import { Injectable } from '@nestjs/common';
import { Role } from '@eiso/common';
import { Db } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { DisposalEntity } from './disposal.entity';
import { RECORD_MESSAGES } from './records.messages';

export type DisposalEvent =
  | { kind: 'proposed'; by: string }
  | { kind: 'approved'; by: string }
  | { kind: 'rejected'; by: string; reason: string | null }
  | { kind: 'completed'; approvedBy: string };

/**
 * Who hears of each step of a disposal batch: approvers when it is proposed, the proposer and the
 * ISO secretaries when it is signed, the proposer when it is rejected, proposer and approver when
 * it is done. Rows (and their e-mail job) are written in the caller's transaction.
 */
@Injectable()
export class RecordsNotifier {
  constructor(
    private readonly users: UserDirectory,
    private readonly notifications: NotificationsService,
  ) {}

  async notify(db: Db, disposal: DisposalEntity, event: DisposalEvent): Promise<string[]> {
    const recipients = await this.recipients(db, disposal, event);
    const text = this.text(disposal, event);
    const items: NewNotification[] = [...new Set(recipients)].map((userId) => ({
      userId,
      agencyId: disposal.agencyId,
      kind: `disposal.${event.kind}`,
      title: text.title,
      body: text.body,
      entityType: 'disposal',
      entityId: disposal.id,
      link: webLink.disposal(disposal.id),
      dedupKey: `disposal.${event.kind}:${disposal.id}`,
    }));
    return this.notifications.notify(db, items);
  }

  private async recipients(db: Db, d: DisposalEntity, event: DisposalEvent): Promise<string[]> {
    switch (event.kind) {
      case 'proposed':
        return (await this.withRole(db, d, Role.Approver)).filter((id) => id !== d.proposedBy);
      case 'approved':
        return [d.proposedBy, ...(await this.withRole(db, d, Role.IsoSecretary))];
      case 'rejected':
        return [d.proposedBy];
      case 'completed':
        return [d.proposedBy, event.approvedBy];
    }
  }

  private async withRole(db: Db, d: DisposalEntity, role: Role): Promise<string[]> {
    return (await this.users.withRole(d.agencyId, role, {}, db)).map((u) => u.id);
  }

  private text(d: DisposalEntity, event: DisposalEvent): { title: string; body: string } {
    switch (event.kind) {
      case 'proposed':
        return RECORD_MESSAGES.proposed(d.number, d.recordCount, event.by);
      case 'approved':
        return RECORD_MESSAGES.approved(d.number, d.recordCount, event.by);
      case 'rejected':
        return RECORD_MESSAGES.rejected(d.number, event.by, event.reason);
      case 'completed':
        return RECORD_MESSAGES.completed(d.number, d.recordCount);
    }
  }
}
