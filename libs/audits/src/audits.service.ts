import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode, offsetOf, Page, PageRequest, Role } from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { DocumentDirectory, ProcedureInForce } from '@eiso/documents';
import { UserDirectory } from '@eiso/identity';
import { IsoClauseDirectory } from '@eiso/iso-clauses';
import { AgencyDirectory } from '@eiso/organizations';
import { auditAgencyOf, AuditFinder } from './audit-finder';
import { independenceBreaches } from './audit-independence';
import { AuditProgrammeEntity } from './audit-programme.entity';
import { AuditProgrammeFinder } from './audit-programme-finder';
import { assertActiveOrgUnits } from './audit-org-units';
import { AuditState } from './audit-state';
import { assertAuditTransition } from './audit-state-machine';
import { isLeadAuditor } from './audit-team';
import { AuditChecklistItemEntity } from './audit-checklist-item.entity';
import { AuditEntity } from './audit.entity';
import { AuditRepository } from './audit.repository';
import { AuditNames, AuditView, toAuditView } from './audit.views';
import { AUDIT_MESSAGES } from './audits.messages';
import { AuditsNotifier } from './audits-notifier';
import { generateChecklist } from './checklist';

export interface AuditPlanInput {
  programmeId: string;
  title: string;
  objectives?: string | null;
  criteria?: string | null;
  orgUnitIds: string[];
  clauses: string[];
  procedureDocumentIds: string[];
  startDate: string;
  endDate: string;
  leadAuditorId: string;
  teamIds: string[];
}

export type UpdateAuditInput = Partial<Omit<AuditPlanInput, 'programmeId'>>;

export interface ListAuditsQuery extends PageRequest {
  year?: number;
  state?: AuditState;
  programmeId?: string;
  orgUnitId?: string;
  auditorId?: string;
}

/** The scope and team of a plan, checked and normalized. */
type CheckedPlan = Pick<
  AuditEntity,
  | 'title'
  | 'objectives'
  | 'criteria'
  | 'orgUnitIds'
  | 'clauses'
  | 'procedureDocumentIds'
  | 'startDate'
  | 'endDate'
  | 'leadAuditorId'
  | 'teamIds'
>;

/** Internal audits: the plan (scope, dates, independent team), its issue to the auditees, the start. */
@Injectable()
export class AuditsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audits: AuditRepository,
    private readonly finder: AuditFinder,
    private readonly programmes: AuditProgrammeFinder,
    private readonly clauses: IsoClauseDirectory,
    private readonly documents: DocumentDirectory,
    private readonly users: UserDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly notifier: AuditsNotifier,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  /** Plans an audit under the agency's programme; its serial is the next of the year. */
  async create(actor: Actor, input: AuditPlanInput): Promise<AuditView> {
    const agencyId = auditAgencyOf(actor);
    return this.tx.run(async (db) => {
      // The programme's lock serializes the serials of its year (one programme per agency and year).
      const programme = await this.programmes.findForUpdate(db, actor, input.programmeId);
      const plan = await this.check(db, agencyId, programme, {
        ...input,
        objectives: input.objectives?.trim() || programme.objectives,
        criteria: input.criteria?.trim() || programme.criteria,
      });
      const now = this.clock.now();
      const audit: AuditEntity = {
        id: randomUUID(),
        agencyId,
        programmeId: programme.id,
        year: programme.year,
        serial: await this.audits.nextSerial(db, agencyId, programme.year),
        ...plan,
        clauseEdition: programme.clauseEdition,
        state: AuditState.Planned,
        planIssuedAt: null,
        planIssuedBy: null,
        startedAt: null,
        conclusion: null,
        reportedAt: null,
        closedAt: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.audits.insert(db, audit);
      await this.auditTrail.record(db, actor, {
        agencyId,
        entityType: 'audit',
        entityId: audit.id,
        action: 'audit.planned',
        after: { programmeId: programme.id, serial: audit.serial, year: audit.year, ...plan },
      });
      return this.view(db, audit);
    });
  }

  async get(actor: Actor, id: string): Promise<AuditView> {
    const db = this.tx.db;
    return this.view(db, await this.finder.findReadable(actor, id, db));
  }

  async list(actor: Actor, query: ListAuditsQuery): Promise<Page<AuditView>> {
    const db = this.tx.db;
    const [rows, total] = await this.audits.findPage(
      db,
      {
        agencyId: auditAgencyOf(actor),
        year: query.year,
        state: query.state,
        programmeId: query.programmeId,
        orgUnitId: query.orgUnitId,
        auditorId: query.auditorId,
      },
      offsetOf(query),
      query.pageSize,
    );
    const names = await this.namesOf(db, rows);
    return {
      items: rows.map((a) => toAuditView(a, names)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Edits the plan while the audit is planned; same checks as planning. A plan already issued must
   * be issued again (the auditees were told the old one): the edit clears its issue, and start
   * refuses until it is re-issued. `objectives`/`criteria` set to null take the programme's again.
   */
  async update(
    actor: Actor,
    id: string,
    input: UpdateAuditInput,
    expectedVersion?: number,
  ): Promise<AuditView> {
    return this.tx.run(async (db) => {
      const audit = await this.finder.findForUpdate(db, actor, id);
      assertVersion(audit, expectedVersion);
      if (audit.state !== AuditState.Planned) throw new DomainException(ErrorCode.AuditNotEditable);
      const programme = await this.programmes.findReadable(actor, audit.programmeId, db);
      const before = planOf(audit);
      const plan = await this.check(db, audit.agencyId, programme, {
        title: input.title ?? audit.title,
        objectives:
          input.objectives === undefined
            ? audit.objectives
            : input.objectives?.trim() || programme.objectives,
        criteria:
          input.criteria === undefined ? audit.criteria : input.criteria?.trim() || programme.criteria,
        orgUnitIds: input.orgUnitIds ?? audit.orgUnitIds,
        clauses: input.clauses ?? audit.clauses,
        procedureDocumentIds: input.procedureDocumentIds ?? audit.procedureDocumentIds,
        startDate: input.startDate ?? audit.startDate,
        endDate: input.endDate ?? audit.endDate,
        leadAuditorId: input.leadAuditorId ?? audit.leadAuditorId,
        teamIds: input.teamIds ?? audit.teamIds,
      });
      const wasIssued = audit.planIssuedAt !== null;
      Object.assign(audit, plan);
      audit.planIssuedAt = null;
      audit.planIssuedBy = null;
      await this.audits.save(db, audit, this.clock.now());
      await this.auditTrail.record(db, actor, {
        agencyId: audit.agencyId,
        entityType: 'audit',
        entityId: audit.id,
        action: 'audit.updated',
        before: wasIssued ? { ...before, planIssued: true } : before,
        after: wasIssued ? { ...plan, planIssued: false } : plan,
      });
      return this.view(db, audit);
    });
  }

  /** Issues the plan (once): the auditees and the team are told the dates and the scope. */
  async issuePlan(actor: Actor, id: string, expectedVersion?: number): Promise<AuditView> {
    return this.tx.run(async (db) => {
      const audit = await this.finder.findForUpdate(db, actor, id);
      assertVersion(audit, expectedVersion);
      if (audit.planIssuedAt) throw new DomainException(ErrorCode.AuditPlanAlreadyIssued);
      // Every audit past `planned` had its plan issued (start requires it): nothing else to check.
      const now = this.clock.now();
      audit.planIssuedAt = now;
      audit.planIssuedBy = actor.userId;
      await this.audits.save(db, audit, now);
      await this.auditTrail.record(db, actor, {
        agencyId: audit.agencyId,
        entityType: 'audit',
        entityId: audit.id,
        action: 'audit.plan_issued',
        after: { planIssuedAt: now.toISOString(), startDate: audit.startDate, endDate: audit.endDate },
      });
      const view = await this.view(db, audit);
      await this.notifier.planIssued(db, audit, {
        units: view.orgUnits.map((u) => u.name),
        clauses: view.clauses.map((c) => (c.titleVi ? `${c.number} (${c.titleVi})` : c.number)),
        procedures: view.procedures.map((p) => (p.code ? `${p.code} — ${p.title}` : p.documentId)),
        lead: view.leadAuditor.name,
      });
      return view;
    });
  }

  /**
   * The lead auditor starts the audit once its plan is issued: planned → in_progress, and the
   * checklist is made from the scope in the same transaction (procedures at their version in force).
   * The team is judged again under the lock (active, of the agency, auditor role, independent):
   * accounts and units may have changed since planning.
   */
  async start(actor: Actor, id: string, expectedVersion?: number): Promise<AuditView> {
    return this.tx.run(async (db) => {
      const audit = await this.finder.findForUpdate(db, actor, id);
      assertVersion(audit, expectedVersion);
      if (!isLeadAuditor(audit, actor.userId)) throw new DomainException(ErrorCode.AuditNotLeadAuditor);
      assertAuditTransition(audit.state, AuditState.InProgress);
      if (!audit.planIssuedAt) throw new DomainException(ErrorCode.AuditPlanNotIssued);
      // Accounts, roles and units may have changed since planning: the team is judged again.
      const procedures = await this.proceduresInForce(db, audit.agencyId, audit.procedureDocumentIds);
      await this.checkTeam(
        db,
        audit.agencyId,
        scopeUnitsOf(audit.orgUnitIds, procedures),
        audit.leadAuditorId,
        [...audit.teamIds],
      );
      const labels = await this.clauses.labelsOf(audit.clauseEdition, audit.clauses, db);
      const clauses = this.clauses
        .sortNumbers(audit.clauses)
        .map((n) => labels.get(n) ?? { number: n, titleVi: n, titleEn: n });
      const now = this.clock.now();
      const items: AuditChecklistItemEntity[] = generateChecklist(clauses, procedures).map((draft) => ({
        id: randomUUID(),
        auditId: audit.id,
        agencyId: audit.agencyId,
        ...draft,
        answer: null,
        notes: null,
        answeredBy: null,
        answeredAt: null,
        updatedAt: now,
        version: 1,
      }));
      await this.audits.insertItems(db, items);
      audit.state = AuditState.InProgress;
      audit.startedAt = now;
      await this.audits.save(db, audit, now);
      await this.auditTrail.record(db, actor, {
        agencyId: audit.agencyId,
        entityType: 'audit',
        entityId: audit.id,
        action: 'audit.started',
        before: { state: AuditState.Planned },
        after: { state: audit.state, checklistItems: items.length },
      });
      return this.view(db, audit);
    });
  }

  /** Names of everything the views of these audits show: one query per kind. */
  async namesOf(db: Db, audits: readonly AuditEntity[]): Promise<AuditNames> {
    const editions = [...new Set(audits.map((a) => a.clauseEdition))];
    const clauses = new Map<string, string>();
    for (const edition of editions) {
      const numbers = audits.filter((a) => a.clauseEdition === edition).flatMap((a) => a.clauses);
      for (const [n, label] of await this.clauses.labelsOf(edition, numbers, db))
        clauses.set(n, label.titleVi);
    }
    // One connection (the caller's transaction, maybe): queries one after the other.
    const units = await this.agencies.orgUnitNames(
      audits.flatMap((a) => a.orgUnitIds),
      db,
    );
    const users = await this.users.fullNamesOf(
      audits.flatMap((a) => [a.leadAuditorId, ...a.teamIds]),
      db,
    );
    const documents = await this.documents.labelsOf(
      audits.flatMap((a) => a.procedureDocumentIds),
      db,
    );
    return { units, users, clauses, documents };
  }

  private async view(db: Db, audit: AuditEntity): Promise<AuditView> {
    return toAuditView(audit, await this.namesOf(db, [audit]));
  }

  /** The plan's rules (422 naming what breaks them), in the order a planner fixes them. */
  private async check(
    db: Db,
    agencyId: string,
    programme: AuditProgrammeEntity,
    input: Omit<AuditPlanInput, 'programmeId'> & { objectives: string; criteria: string },
  ): Promise<CheckedPlan> {
    const orgUnitIds = [...new Set(input.orgUnitIds)];
    const clauses = this.clauses.sortNumbers(input.clauses.map((c) => c.trim()));
    const procedureDocumentIds = [...new Set(input.procedureDocumentIds)];
    // Units alone make an empty checklist: the questions come from clauses and procedures.
    if (!clauses.length && !procedureDocumentIds.length) throw new DomainException(ErrorCode.AuditScopeEmpty);

    await assertActiveOrgUnits(this.agencies, db, agencyId, orgUnitIds);

    const unknown = await this.clauses.unknownClauses(programme.clauseEdition, clauses, db);
    if (unknown.length) {
      throw new DomainException(ErrorCode.AuditClauseUnknown, {
        clauses: unknown,
        message: AUDIT_MESSAGES.refusals.unknownClauses(programme.clauseEdition, unknown),
      });
    }

    const procedures = await this.proceduresInForce(db, agencyId, procedureDocumentIds);

    if (input.endDate < input.startDate) {
      throw new DomainException(ErrorCode.AuditDatesInvalid, {
        message: AUDIT_MESSAGES.refusals.endBeforeStart(input.startDate, input.endDate),
      });
    }
    const year = String(programme.year);
    if (!input.startDate.startsWith(year) || !input.endDate.startsWith(year)) {
      throw new DomainException(ErrorCode.AuditDatesInvalid, {
        message: AUDIT_MESSAGES.refusals.outsideYear(programme.year),
      });
    }

    const teamIds = await this.checkTeam(
      db,
      agencyId,
      scopeUnitsOf(orgUnitIds, procedures),
      input.leadAuditorId,
      input.teamIds,
    );

    return {
      title: input.title.trim(),
      objectives: input.objectives,
      criteria: input.criteria,
      orgUnitIds,
      clauses,
      procedureDocumentIds,
      startDate: input.startDate,
      endDate: input.endDate,
      leadAuditorId: input.leadAuditorId,
      teamIds,
    };
  }

  /**
   * The team's rules (422 naming who breaks them): active people of the agency with the auditor
   * role, independent of the units in scope (the units named and the owners of the procedures).
   * Answers the team without the lead, each once.
   */
  private async checkTeam(
    db: Db,
    agencyId: string,
    scopeUnitIds: readonly string[],
    leadAuditorId: string,
    members: readonly string[],
  ): Promise<string[]> {
    const teamIds = [...new Set(members)].filter((id) => id !== leadAuditorId);
    const wanted = [leadAuditorId, ...teamIds];
    const cards = new Map((await this.users.cardsOf(wanted, db)).map((c) => [c.id, c]));
    const ineligible = wanted.filter((id) => {
      const card = cards.get(id);
      return !card || !card.active || card.agencyId !== agencyId || !card.roles.includes(Role.Auditor);
    });
    if (ineligible.length) {
      // Only people of the agency are named; an unknown id or another agency's account by its id.
      const names = ineligible.map((id) => {
        const card = cards.get(id);
        return card && card.agencyId === agencyId ? card.fullName : id;
      });
      throw new DomainException(ErrorCode.AuditAuditorNotEligible, {
        userIds: ineligible,
        message: AUDIT_MESSAGES.refusals.notAuditors(names),
      });
    }
    if (!scopeUnitIds.length) return teamIds;
    const breaches = independenceBreaches(
      scopeUnitIds,
      wanted.map((id) => cards.get(id)!),
      await this.agencies.orgUnitsOf(agencyId, db),
    );
    if (breaches.length) {
      throw new DomainException(ErrorCode.AuditAuditorNotIndependent, {
        breaches: breaches.map((b) => ({
          auditorId: b.auditorId,
          orgUnitId: b.orgUnitId,
          scopeUnitId: b.scopeUnitId,
        })),
        message: AUDIT_MESSAGES.refusals.notIndependent(breaches),
      });
    }
    return teamIds;
  }

  /** The procedures at their version in force now; 422 naming those not in force (or not the agency's). */
  private async proceduresInForce(db: Db, agencyId: string, ids: readonly string[]) {
    if (!ids.length) return [];
    const found = await this.documents.proceduresInForce(agencyId, ids, db);
    const inForce = new Set(found.map((p) => p.documentId));
    const missing = [...new Set(ids)].filter((id) => !inForce.has(id));
    if (missing.length) {
      // Another agency's document is named by its id only.
      const labels = await this.documents.labelsOf(missing, db, agencyId);
      const named = missing.map((id) => {
        const label = labels.get(id);
        return label ? `${label.code} — ${label.title}` : id;
      });
      throw new DomainException(ErrorCode.AuditProcedureNotInForce, {
        documentIds: missing,
        message: AUDIT_MESSAGES.refusals.proceduresNotInForce(named),
      });
    }
    return found;
  }
}

/** The units independence is judged against: those named, then the owners of the procedures. */
function scopeUnitsOf(orgUnitIds: readonly string[], procedures: readonly ProcedureInForce[]): string[] {
  return [
    ...new Set([...orgUnitIds, ...procedures.flatMap((p) => (p.ownerOrgUnitId ? [p.ownerOrgUnitId] : []))]),
  ];
}

function planOf(a: AuditEntity): CheckedPlan {
  return {
    title: a.title,
    objectives: a.objectives,
    criteria: a.criteria,
    orgUnitIds: a.orgUnitIds,
    clauses: a.clauses,
    procedureDocumentIds: a.procedureDocumentIds,
    startDate: a.startDate,
    endDate: a.endDate,
    leadAuditorId: a.leadAuditorId,
    teamIds: a.teamIds,
  };
}
