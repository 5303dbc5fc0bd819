import { Injectable } from '@nestjs/common';
import { Role } from '@eiso/common';
import { Db } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { AgencyDirectory } from '@eiso/organizations';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { NONCONFORMITY_MESSAGES } from './capa.messages';
import { NonconformityEntity } from './nonconformity.entity';

/**
 * Who hears of a new nonconformity: the heads of the org unit concerned (reviewers of that unit)
 * and the ISO secretaries of the agency, never the person who raised it. Rows (and their e-mail
 * job) are written in the caller's transaction, so nothing is sent for a raise that rolls back.
 */
@Injectable()
export class NonconformityNotifier {
  constructor(
    private readonly users: UserDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly notifications: NotificationsService,
  ) {}

  async raised(db: Db, raisedBy: string, ncs: readonly NonconformityEntity[]): Promise<string[]> {
    if (!ncs.length) return [];
    const agencyId = ncs[0].agencyId;
    const secretaries = (await this.users.withRole(agencyId, Role.IsoSecretary, {}, db)).map((u) => u.id);
    const unitIds = [...new Set(ncs.map((n) => n.orgUnitId).filter((id): id is string => !!id))];
    const unitNames = await this.agencies.orgUnitNames(unitIds, db);
    const heads = new Map(
      [...(await this.users.withRoleInUnits(agencyId, Role.Reviewer, unitIds, db))].map(([unitId, users]) => [
        unitId,
        users.map((u) => u.id),
      ]),
    );
    const items: NewNotification[] = [];
    for (const nc of ncs) {
      const text = NONCONFORMITY_MESSAGES.raised(
        nc.serial,
        nc.year,
        nc.title,
        nc.source,
        nc.detectedOn,
        nc.orgUnitId ? (unitNames.get(nc.orgUnitId) ?? null) : null,
      );
      const recipients = new Set([...(nc.orgUnitId ? (heads.get(nc.orgUnitId) ?? []) : []), ...secretaries]);
      recipients.delete(raisedBy);
      for (const userId of recipients) {
        items.push({
          userId,
          agencyId,
          kind: 'nonconformity.raised',
          title: text.title,
          body: text.body,
          entityType: 'nonconformity',
          entityId: nc.id,
          link: webLink.nonconformity(nc.id),
          dedupKey: `nonconformity.raised:${nc.id}`,
        });
      }
    }
    return items.length ? this.notifications.notify(db, items) : [];
  }
}
