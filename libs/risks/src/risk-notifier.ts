import { Injectable } from '@nestjs/common';
import { Db } from '@eiso/database';
import { AgencyDirectory } from '@eiso/organizations';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { RiskOwners } from './risk-owners';
import { RISK_MESSAGES } from './risks.messages';
import { RiskEntity } from './risk.entity';

/**
 * Tells the owner of a risk it is assigned to them: the owner user, or the owner unit's heads
 * (RiskOwners), never the person who assigned it. Written in the caller's transaction, so nothing
 * is sent for a write that rolls back.
 */
@Injectable()
export class RiskNotifier {
  constructor(
    private readonly owners: RiskOwners,
    private readonly agencies: AgencyDirectory,
    private readonly notifications: NotificationsService,
  ) {}

  async assigned(db: Db, assignedBy: string, risk: RiskEntity): Promise<string[]> {
    const [recipients] = await this.owners.recipientsOf(db, [risk]);
    const to = recipients.filter((id) => id !== assignedBy);
    if (!to.length) return [];
    const unit =
      (await this.agencies.orgUnitNames([risk.ownerOrgUnitId], db)).get(risk.ownerOrgUnitId) ?? null;
    const text = RISK_MESSAGES.assigned(
      risk.kind,
      risk.serial,
      risk.description,
      risk.level,
      risk.score,
      risk.reviewDate,
      unit,
    );
    const owner = `${risk.ownerOrgUnitId}:${risk.ownerUserId ?? '-'}`;
    const items: NewNotification[] = to.map((userId) => ({
      userId,
      agencyId: risk.agencyId,
      kind: 'risk.assigned',
      title: text.title,
      body: text.body,
      entityType: 'risk',
      entityId: risk.id,
      link: webLink.risk(risk.id),
      dedupKey: `risk.assigned:${risk.id}:${owner}:${risk.version}`,
    }));
    return this.notifications.notify(db, items);
  }
}
