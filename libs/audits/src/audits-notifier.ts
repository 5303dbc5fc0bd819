import { Injectable } from '@nestjs/common';
import { Role } from '@eiso/common';
import { Db } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { auditNumber, auditTeamIds } from './audit-team';
import { AuditEntity } from './audit.entity';
import { AUDIT_MESSAGES } from './audits.messages';

/** What the plan notification names, as the view reads it. */
export interface PlanScopeNames {
  units: string[];
  clauses: string[];
  procedures: string[];
  lead: string;
}

/**
 * Who hears that an audit plan was issued: the auditees — the head (trưởng phòng: role `reviewer`)
 * of each unit in scope, or the agency's approvers for a unit without one — and the audit team.
 * Rows (and their e-mail job) are written in the caller's transaction: sent once it commits.
 */
@Injectable()
export class AuditsNotifier {
  constructor(
    private readonly users: UserDirectory,
    private readonly notifications: NotificationsService,
  ) {}

  async planIssued(db: Db, audit: AuditEntity, names: PlanScopeNames): Promise<string[]> {
    const recipients = [...(await this.auditees(db, audit)), ...auditTeamIds(audit)];
    const text = AUDIT_MESSAGES.planIssued({
      number: auditNumber(audit),
      title: audit.title,
      startDate: audit.startDate,
      endDate: audit.endDate,
      ...names,
    });
    const items: NewNotification[] = [...new Set(recipients)].map((userId) => ({
      userId,
      agencyId: audit.agencyId,
      kind: 'audit.plan_issued',
      title: text.title,
      body: text.body,
      entityType: 'audit',
      entityId: audit.id,
      link: webLink.audit(audit.id),
      dedupKey: `audit.plan_issued:${audit.id}`,
    }));
    return this.notifications.notify(db, items);
  }

  /** Heads of the units in scope; the agency's approvers stand in for a unit without a head. */
  private async auditees(db: Db, audit: AuditEntity): Promise<string[]> {
    const ids: string[] = [];
    let approvers: string[] | null = null;
    for (const orgUnitId of audit.orgUnitIds) {
      const heads = await this.users.withRole(audit.agencyId, Role.Reviewer, { orgUnitId }, db);
      if (heads.length) {
        ids.push(...heads.map((u) => u.id));
      } else {
        approvers ??= (await this.users.withRole(audit.agencyId, Role.Approver, {}, db)).map((u) => u.id);
        ids.push(...approvers);
      }
    }
    return ids;
  }
}
