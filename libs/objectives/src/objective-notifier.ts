import { Injectable } from '@nestjs/common';
import { Role } from '@eiso/common';
import { Db } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { AgencyDirectory } from '@eiso/organizations';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { ObjectiveEntity } from './objective.entity';
import { OBJECTIVE_MESSAGES } from './objectives.messages';

/** The roles that hold objective.measure: the people of a unit who enter its figures. */
const MEASURING_ROLES = [Role.Reviewer, Role.Approver, Role.IsoSecretary] as const;

/**
 * Who hears about an objective: the heads of its owner unit (its members holding objective.measure),
 * or, when the unit has none, the agency's ISO secretaries. Written in the caller's transaction.
 */
@Injectable()
export class ObjectiveNotifier {
  constructor(
    private readonly users: UserDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly notifications: NotificationsService,
  ) {}

  /** The owner unit's heads of each objective (secretaries of the agency when a unit has none). */
  async ownersOf(db: Db, objectives: readonly ObjectiveEntity[]): Promise<Map<string, string[]>> {
    const byAgency = new Map<string, ObjectiveEntity[]>();
    for (const o of objectives) byAgency.set(o.agencyId, [...(byAgency.get(o.agencyId) ?? []), o]);
    const answer = new Map<string, string[]>();
    for (const [agencyId, list] of byAgency) {
      const unitIds = [...new Set(list.map((o) => o.ownerOrgUnitId))];
      const heads = new Map<string, Set<string>>();
      for (const role of MEASURING_ROLES) {
        for (const [unitId, users] of await this.users.withRoleInUnits(agencyId, role, unitIds, db)) {
          const set = heads.get(unitId) ?? new Set<string>();
          users.forEach((u) => set.add(u.id));
          heads.set(unitId, set);
        }
      }
      let secretaries: string[] | null = null;
      for (const o of list) {
        const unitHeads = [...(heads.get(o.ownerOrgUnitId) ?? [])];
        if (unitHeads.length) answer.set(o.id, unitHeads);
        else {
          secretaries ??= (await this.users.withRole(agencyId, Role.IsoSecretary, {}, db)).map((u) => u.id);
          answer.set(o.id, secretaries);
        }
      }
    }
    return answer;
  }

  /** The owner unit is told it was given the objective (on creation, or when the unit changes). */
  async assigned(db: Db, by: string, objective: ObjectiveEntity): Promise<string[]> {
    const recipients = new Set((await this.ownersOf(db, [objective])).get(objective.id) ?? []);
    recipients.delete(by);
    const unitName = (await this.agencies.orgUnitNames([objective.ownerOrgUnitId], db)).get(
      objective.ownerOrgUnitId,
    );
    const text = OBJECTIVE_MESSAGES.assigned(objective.year, objective.statement, unitName ?? 'Đơn vị');
    const items: NewNotification[] = [...recipients].map((userId) => ({
      userId,
      agencyId: objective.agencyId,
      kind: 'objective.assigned',
      title: text.title,
      body: text.body,
      entityType: 'objective',
      entityId: objective.id,
      link: webLink.objective(objective.id),
      dedupKey: `objective.assigned:${objective.id}:${objective.ownerOrgUnitId}`,
    }));
    return items.length ? this.notifications.notify(db, items) : [];
  }

  /** objectives.due: one notification per objective and day naming its missing periods. */
  async due(
    db: Db,
    day: string,
    items: readonly { objective: ObjectiveEntity; periods: string[] }[],
  ): Promise<string[]> {
    if (!items.length) return [];
    const owners = await this.ownersOf(
      db,
      items.map((i) => i.objective),
    );
    const notifications: NewNotification[] = [];
    for (const { objective, periods } of items) {
      const text = OBJECTIVE_MESSAGES.due(objective.statement, periods);
      for (const userId of owners.get(objective.id) ?? []) {
        notifications.push({
          userId,
          agencyId: objective.agencyId,
          kind: 'objective.measurement_due',
          title: text.title,
          body: text.body,
          entityType: 'objective',
          entityId: objective.id,
          link: webLink.objective(objective.id),
          dedupKey: `objective.measurement_due:${objective.id}:${day}`,
        });
      }
    }
    return notifications.length ? this.notifications.notify(db, notifications) : [];
  }
}
