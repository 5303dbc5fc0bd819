import { Injectable } from '@nestjs/common';
import { daysBetween, Role } from '@eiso/common';
import { Db } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { CAPA_DUE_MESSAGES } from './capa-due.messages';
import { DueActionRow, DueVerificationRow } from './capa-reminder.repository';

/** What capa.due claimed today, per kind (only items not yet reminded of today). */
export interface CapaDueClaims {
  dueSoon: readonly DueActionRow[];
  overdue: readonly DueActionRow[];
  verifications: readonly DueVerificationRow[];
}

/**
 * Whom capa.due tells, in the caller's transaction and with one `notify` for all of it: the owner
 * of each action due soon or overdue; the agency's approvers (the head and deputies) one notice per
 * agency and day listing the newly overdue actions; the verifier of each check that falls due, or
 * the agency's ISO secretaries when no verifier is named yet (or the one named left). Inactive accounts are left out. People
 * are read in a constant number of queries, whatever the number of agencies and items.
 */
@Injectable()
export class CapaDueNotifier {
  constructor(
    private readonly users: UserDirectory,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The notifications sent, and the agencies whose approvers were told of overdue actions (an
   * agency with no active approver escalates nothing, and its owners are not told it did).
   */
  async notify(
    db: Db,
    today: string,
    claims: CapaDueClaims,
  ): Promise<{ ids: string[]; agenciesEscalated: number }> {
    const { dueSoon, overdue, verifications } = claims;
    const people = [...dueSoon, ...overdue].map((a) => a.ownerId);
    const verifiers = verifications.flatMap((v) => (v.verifierId ? [v.verifierId] : []));
    const active = new Set(
      (await this.users.activeIn({ userIds: [...people, ...verifiers], orgUnitIds: [] }, db)).map(
        (u) => u.id,
      ),
    );
    const heads = await this.users.withRoleIn(
      overdue.map((a) => a.agencyId),
      Role.Approver,
      db,
    );
    const assigned = (v: DueVerificationRow) => v.verifierId !== null && active.has(v.verifierId);
    const secretaries = await this.users.withRoleIn(
      verifications.filter((v) => !assigned(v)).map((v) => v.agencyId),
      Role.IsoSecretary,
      db,
    );
    const ownerNames = overdue.length
      ? await this.users.fullNamesOf([...new Set(people)], db)
      : new Map<string, string>();

    const items: NewNotification[] = [];
    for (const a of dueSoon) {
      if (!active.has(a.ownerId)) continue;
      const text = CAPA_DUE_MESSAGES.actionDueSoon(
        a.serial,
        a.year,
        a.description,
        a.dueDate,
        daysBetween(today, a.dueDate),
      );
      items.push(this.actionItem(a, a.ownerId, 'capa.action_due_soon', text, today));
    }
    const escalatedTo = (agencyId: string) => (heads.get(agencyId) ?? []).length > 0;
    for (const a of overdue) {
      if (!active.has(a.ownerId)) continue;
      const text = CAPA_DUE_MESSAGES.actionOverdue(
        a.serial,
        a.year,
        a.description,
        a.dueDate,
        daysBetween(a.dueDate, today),
        escalatedTo(a.agencyId),
      );
      items.push(this.actionItem(a, a.ownerId, 'capa.action_overdue', text, today));
    }
    for (const [agencyId, lines] of groupBy(overdue, (a) => a.agencyId)) {
      const text = CAPA_DUE_MESSAGES.overdueDigest(
        lines.map((a) => ({ ...a, ownerName: ownerNames.get(a.ownerId) ?? '—' })),
        today,
      );
      const single = lines.length === 1 ? lines[0] : null;
      for (const head of heads.get(agencyId) ?? []) {
        items.push({
          userId: head.id,
          agencyId,
          kind: 'capa.action_overdue_escalated',
          title: text.title,
          body: text.body,
          entityType: single ? 'corrective_action' : 'agency',
          entityId: single ? single.correctiveActionId : agencyId,
          link: single
            ? webLink.correctiveAction(single.correctiveActionId)
            : webLink.overdueCorrectiveActions(),
          // The escalated set is this run's claim (an item is claimed once a day): its first id keys it.
          dedupKey: `capa.action_overdue_escalated:${agencyId}:${today}:${lines[0].itemId}`,
        });
      }
    }
    for (const v of verifications) {
      const to = assigned(v) ? [v.verifierId!] : (secretaries.get(v.agencyId) ?? []).map((u) => u.id);
      const text = CAPA_DUE_MESSAGES.verificationDue(
        v.serial,
        v.year,
        v.nonconformityTitle,
        v.verificationDue,
        v.round,
        today,
        assigned(v),
      );
      for (const userId of to) {
        items.push({
          userId,
          agencyId: v.agencyId,
          kind: 'capa.verification_due',
          title: text.title,
          body: text.body,
          entityType: 'corrective_action',
          entityId: v.itemId,
          link: webLink.correctiveAction(v.itemId),
          dedupKey: `capa.verification_due:${v.itemId}:${today}`,
        });
      }
    }
    const agenciesEscalated = new Set(overdue.map((a) => a.agencyId).filter(escalatedTo)).size;
    return { ids: items.length ? await this.notifications.notify(db, items) : [], agenciesEscalated };
  }

  private actionItem(
    a: DueActionRow,
    userId: string,
    kind: string,
    text: { title: string; body: string },
    today: string,
  ): NewNotification {
    return {
      userId,
      agencyId: a.agencyId,
      kind,
      title: text.title,
      body: text.body,
      entityType: 'corrective_action',
      entityId: a.correctiveActionId,
      link: webLink.correctiveAction(a.correctiveActionId),
      dedupKey: `${kind}:${a.itemId}:${today}`,
    };
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
