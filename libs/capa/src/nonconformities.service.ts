import { Injectable } from '@nestjs/common';
import {
  Actor,
  Clock,
  DomainException,
  ErrorCode,
  offsetOf,
  Page,
  PageRequest,
  todayInVietnam,
} from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { IsoClauseDirectory } from '@eiso/iso-clauses';
import { AgencyDirectory } from '@eiso/organizations';
import { NonconformitySeverity, NonconformitySource, NonconformityState } from './capa-state';
import { LATE_DOSSIER_CLAUSE, NONCONFORMITY_MESSAGES } from './capa.messages';
import { capaAgencyOf, NonconformityFinder } from './nonconformity-finder';
import { NonconformityNotifier } from './nonconformity-notifier';
import { nonconformityNumber } from './nonconformity-numbering';
import { NonconformityRaiser } from './nonconformity-raiser';
import {
  assertDetectedOn,
  missingSourceDetails,
  SourceDetails,
  sourceDetailsOf,
} from './nonconformity-sources';
import { NonconformityEntity } from './nonconformity.entity';
import { NonconformityRepository, NonconformitySortField } from './nonconformity.repository';
import { NonconformityView, toNonconformityView } from './nonconformity.views';

export interface RaiseNonconformityInput extends SourceDetails {
  source: NonconformitySource;
  severity: NonconformitySeverity;
  title: string;
  description: string;
  clause?: string | null;
  orgUnitId?: string | null;
  /** Defaults to today (Vietnam). */
  detectedOn?: string | null;
  /**
   * A month's late dossiers counted by the one-stop shop (objectives), not one dossier: no day
   * count (`daysLate` null). Never set from HTTP: the raise DTO has no such field.
   */
  lateDossierSummary?: boolean;
}

export interface RaiseLateDossierInput {
  tthcCode: string;
  dossierNumber: string;
  daysLate: number;
  title?: string | null;
  description?: string | null;
  orgUnitId?: string | null;
  detectedOn?: string | null;
}

export interface NonconformityChanges {
  title?: string;
  description?: string;
  /** null clears it. */
  clause?: string | null;
  orgUnitId?: string | null;
  severity?: NonconformitySeverity;
}

export interface ListNonconformitiesQuery extends PageRequest {
  source?: NonconformitySource;
  severity?: NonconformitySeverity;
  state?: NonconformityState;
  clause?: string;
  orgUnitId?: string;
  year?: number;
  auditId?: string;
  q?: string;
  sort?: { field: NonconformitySortField; direction: 'ASC' | 'DESC' };
}

/** Raising nonconformities from every source but audits, reading and correcting them. */
@Injectable()
export class NonconformitiesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: NonconformityRepository,
    private readonly finder: NonconformityFinder,
    private readonly raiser: NonconformityRaiser,
    private readonly notifier: NonconformityNotifier,
    private readonly clauses: IsoClauseDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  /**
   * Raises a nonconformity from a complaint, a late dossier, a management review or self-detected;
   * audit findings are raised only by the audit report (NonconformityRaiser).
   */
  raise(actor: Actor, input: RaiseNonconformityInput): Promise<NonconformityView> {
    return this.tx.run((db) => this.raiseIn(db, actor, input));
  }

  /**
   * The same raise inside the caller's transaction (objectives raise one for the late dossiers of a
   * measured month and keep the link in the same transaction): same checks, audit event, notification.
   */
  async raiseIn(db: Db, actor: Actor, input: RaiseNonconformityInput): Promise<NonconformityView> {
    const agencyId = capaAgencyOf(actor);
    if (input.source === NonconformitySource.AuditFinding) {
      throw new DomainException(ErrorCode.NonconformitySourceNotAllowed);
    }
    const missing = missingSourceDetails(input.source, input, {
      lateDossierSummary: input.lateDossierSummary === true,
    });
    if (missing.length) throw new DomainException(ErrorCode.NonconformitySourceDetailsMissing, { missing });
    const today = todayInVietnam(this.clock.now());
    const detectedOn = input.detectedOn ?? today;
    assertDetectedOn(detectedOn, today);
    const details = sourceDetailsOf(input.source, input);
    const clause = await this.checkClause(db, input.clause ?? null);
    const orgUnitId = input.orgUnitId ?? null;
    await this.checkOrgUnit(db, agencyId, orgUnitId);
    if (input.source === NonconformitySource.LateDossier) {
      await this.assertDossierNotRaised(db, agencyId, details.tthcCode!, details.dossierNumber!);
    }
    const nc = await this.raiser.insert(db, actor, {
      agencyId,
      source: input.source,
      severity: input.severity,
      title: input.title.trim(),
      description: input.description.trim(),
      clause: clause?.number ?? null,
      clauseEdition: clause?.edition ?? null,
      orgUnitId,
      detectedOn,
      detectedBy: actor.userId,
      auditId: null,
      findingId: null,
      ...details,
    });
    await this.notifier.raised(db, actor.userId, [nc]);
    return toNonconformityView(nc, { id: null, state: null, overdue: false });
  }

  /**
   * A late TTHC dossier in one call: đầu ra không phù hợp under clause 8.7, minor, with a
   * Vietnamese title and description built from the dossier when none is given.
   */
  raiseLateDossier(actor: Actor, input: RaiseLateDossierInput): Promise<NonconformityView> {
    const tthcCode = input.tthcCode.trim();
    const dossierNumber = input.dossierNumber.trim();
    return this.raise(actor, {
      source: NonconformitySource.LateDossier,
      severity: NonconformitySeverity.Minor,
      title:
        input.title?.trim() ||
        NONCONFORMITY_MESSAGES.lateDossierTitle(tthcCode, dossierNumber, input.daysLate),
      description:
        input.description?.trim() ||
        NONCONFORMITY_MESSAGES.lateDossierDescription(tthcCode, dossierNumber, input.daysLate),
      clause: LATE_DOSSIER_CLAUSE,
      orgUnitId: input.orgUnitId ?? null,
      detectedOn: input.detectedOn ?? null,
      tthcCode,
      dossierNumber,
      daysLate: input.daysLate,
    });
  }

  async get(actor: Actor, id: string): Promise<NonconformityView> {
    const db = this.tx.db;
    const nc = await this.finder.nonconformity(db, actor, id);
    return this.view(db, nc);
  }

  async list(actor: Actor, query: ListNonconformitiesQuery): Promise<Page<NonconformityView>> {
    const [rows, total] = await this.repository.findPage(
      this.tx.db,
      {
        agencyId: capaAgencyOf(actor),
        source: query.source,
        severity: query.severity,
        state: query.state,
        clause: query.clause,
        orgUnitId: query.orgUnitId,
        year: query.year,
        auditId: query.auditId,
        q: query.q,
      },
      query.sort ?? { field: 'number', direction: 'DESC' },
      offsetOf(query),
      query.pageSize,
      todayInVietnam(this.clock.now()),
    );
    return {
      items: rows.map((r) =>
        toNonconformityView(r.nc, {
          id: r.correctiveActionId,
          state: r.correctiveActionState,
          overdue: r.overdue,
        }),
      ),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Corrects what was written while the nonconformity is open. One raised from an audit finding
   * keeps the finding's grade, clause and unit (the audit report says so); only its wording changes.
   */
  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    changes: NonconformityChanges,
  ): Promise<NonconformityView> {
    return this.tx.run(async (db) => {
      const nc = await this.finder.nonconformity(db, actor, id, true);
      assertVersion(nc, expectedVersion);
      if (nc.state === NonconformityState.Closed) throw new DomainException(ErrorCode.NonconformityClosed);
      if (nc.source === NonconformitySource.AuditFinding && changesGrade(nc, changes)) {
        throw new DomainException(ErrorCode.NonconformityFindingGradeFixed);
      }
      const before = summary(nc);
      if (changes.clause !== undefined && changes.clause !== nc.clause) {
        const clause = await this.checkClause(db, changes.clause);
        nc.clause = clause?.number ?? null;
        nc.clauseEdition = clause?.edition ?? null;
      }
      if (changes.orgUnitId !== undefined && changes.orgUnitId !== nc.orgUnitId) {
        await this.checkOrgUnit(db, nc.agencyId, changes.orgUnitId);
        nc.orgUnitId = changes.orgUnitId;
      }
      if (changes.title !== undefined) nc.title = changes.title.trim();
      if (changes.description !== undefined) nc.description = changes.description.trim();
      if (changes.severity !== undefined) nc.severity = changes.severity;
      // Nothing changed: no new version, no event.
      if (JSON.stringify(summary(nc)) === JSON.stringify(before)) return this.view(db, nc);
      await this.repository.save(db, nc, this.clock.now());
      await this.auditTrail.record(db, actor, {
        agencyId: nc.agencyId,
        entityType: 'nonconformity',
        entityId: nc.id,
        action: 'nonconformity.updated',
        before,
        after: summary(nc),
      });
      return this.view(db, nc);
    });
  }

  private async view(db: Db, nc: NonconformityEntity): Promise<NonconformityView> {
    const action = await this.repository.actionOf(db, nc.id, todayInVietnam(this.clock.now()));
    return toNonconformityView(nc, action);
  }

  /** The clause in the current edition; 422 naming it when the edition has no such clause. */
  private async checkClause(
    db: Db,
    clause: string | null,
  ): Promise<{ number: string; edition: string } | null> {
    const number = clause?.trim();
    if (!number) return null;
    const edition = await this.clauses.currentEdition(db);
    const unknown = await this.clauses.unknownClauses(edition, [number], db);
    if (unknown.length) {
      throw new DomainException(ErrorCode.NonconformityClauseUnknown, { clause: number, edition });
    }
    return { number, edition };
  }

  private async checkOrgUnit(db: Db, agencyId: string, orgUnitId: string | null): Promise<void> {
    if (!orgUnitId) return;
    const units = await this.agencies.orgUnitsOf(agencyId, db);
    if (!units.some((u) => u.id === orgUnitId && u.active)) {
      throw new DomainException(ErrorCode.NonconformityOrgUnitInvalid);
    }
  }

  /**
   * One nonconformity per late dossier of the agency: 409 naming the existing one. The check runs
   * under a transaction lock on the dossier, so two parallel calls cannot both pass it.
   */
  private async assertDossierNotRaised(
    db: Db,
    agencyId: string,
    tthcCode: string,
    dossierNumber: string,
  ): Promise<void> {
    await this.repository.lockDossier(db, agencyId, tthcCode, dossierNumber);
    const existing = await this.repository.findLateDossier(db, agencyId, tthcCode, dossierNumber);
    if (existing) {
      throw new DomainException(ErrorCode.NonconformityLateDossierExists, {
        dossierNumber,
        number: nonconformityNumber(existing.serial, existing.year),
        nonconformityId: existing.id,
      });
    }
  }
}

function changesGrade(nc: NonconformityEntity, changes: NonconformityChanges): boolean {
  return (
    (changes.severity !== undefined && changes.severity !== nc.severity) ||
    (changes.clause !== undefined && (changes.clause?.trim() || null) !== nc.clause) ||
    (changes.orgUnitId !== undefined && changes.orgUnitId !== nc.orgUnitId)
  );
}

function summary(nc: NonconformityEntity) {
  return {
    title: nc.title,
    description: nc.description,
    severity: nc.severity,
    clause: nc.clause,
    clauseEdition: nc.clauseEdition,
    orgUnitId: nc.orgUnitId,
  };
}
