import { Injectable } from '@nestjs/common';
import { Role } from '@eiso/common';
import { Db } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { auditNumber, auditTeamIds } from './audit-team';
import { AUDIT_REPORT_MESSAGES } from './audit-report.messages';
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
 * Who hears of an audit. The plan's issue: the auditees — the head (trưởng phòng: role `reviewer`)
 * of each unit in scope, or the agency's approvers for a unit without one — and the audit team.
 * The report and the close: the auditees, the agency's approvers and ISO secretaries, and the lead
 * auditor of a close. Rows (and their e-mail job) are written in the caller's transaction: sent
 * once it commits.
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
      // An edited plan is issued again, and told again: the key carries the audit's version.
      dedupKey: `audit.plan_issued:${audit.id}:v${audit.version}`,
    }));
    return this.notifications.notify(db, items);
  }

  /** The lead auditor signed the report; the nonconformities raised from it are named. */
  async reported(db: Db, audit: AuditEntity, by: string, ncNumbers: readonly string[]): Promise<string[]> {
    const text = AUDIT_REPORT_MESSAGES.notifications.reported(auditNumber(audit), audit.title, by, ncNumbers);
    return this.tell(db, audit, 'reported', text, await this.reportReaders(db, audit));
  }

  /** The audit was closed: `nonconformities` raised from it, none still waiting for its action. */
  async closed(db: Db, audit: AuditEntity, nonconformities: number): Promise<string[]> {
    const text = AUDIT_REPORT_MESSAGES.notifications.closed(auditNumber(audit), audit.title, nonconformities);
    const recipients = [...(await this.reportReaders(db, audit)), audit.leadAuditorId];
    return this.tell(db, audit, 'closed', text, recipients);
  }

  /** The auditees, the agency's approvers and its ISO secretaries. */
  private async reportReaders(db: Db, audit: AuditEntity): Promise<string[]> {
    const approvers = await this.users.withRole(audit.agencyId, Role.Approver, {}, db);
    const secretaries = await this.users.withRole(audit.agencyId, Role.IsoSecretary, {}, db);
    return [
      ...(await this.auditees(db, audit)),
      ...approvers.map((u) => u.id),
      ...secretaries.map((u) => u.id),
    ];
  }

  private tell(
    db: Db,
    audit: AuditEntity,
    kind: 'reported' | 'closed',
    text: { title: string; body: string },
    recipients: readonly string[],
  ): Promise<string[]> {
    const items: NewNotification[] = [...new Set(recipients)].map((userId) => ({
      userId,
      agencyId: audit.agencyId,
      kind: `audit.${kind}`,
      title: text.title,
      body: text.body,
      entityType: 'audit',
      entityId: audit.id,
      link: webLink.audit(audit.id),
      dedupKey: `audit.${kind}:${audit.id}`,
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
