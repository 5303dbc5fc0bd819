import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode, todayInVietnam } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { IsoClauseDirectory } from '@eiso/iso-clauses';
import { AgencyDirectory } from '@eiso/organizations';
import {
  CORRECTIVE_ACTION_STATE_LABELS,
  CorrectiveActionState,
  NONCONFORMITY_SEVERITY_LABELS,
  NONCONFORMITY_SOURCE_LABELS,
  NonconformitySeverity,
  NonconformitySource,
  NonconformityState,
} from './capa-state';
import { NONCONFORMITY_MESSAGES } from './capa.messages';
import { capaAgencyOf } from './nonconformity-finder';
import { NonconformityRepository, SummaryGroupRow } from './nonconformity.repository';
import { NONCONFORMITY_STATE_LABELS } from './nonconformity.views';

export interface SummaryCount<K extends string> {
  key: K;
  label: string;
  count: number;
}

export interface NonconformitySummaryView {
  /** The window on the detection date, both days included. */
  from: string;
  to: string;
  total: number;
  byClause: { clause: string | null; clauseEdition: string | null; title: string | null; count: number }[];
  byOrgUnit: { orgUnitId: string | null; name: string | null; count: number }[];
  bySource: SummaryCount<NonconformitySource>[];
  bySeverity: SummaryCount<NonconformitySeverity>[];
  byState: SummaryCount<NonconformityState>[];
  /** `none`: no corrective action opened yet. */
  byCorrectiveActionState: SummaryCount<CorrectiveActionState | 'none'>[];
  /** Actions not done and past due, of corrective actions not closed. */
  overdueActions: number;
  /** Nonconformities with at least one such action. */
  overdueNonconformities: number;
  closed: number;
  /** Mean days from detection to closing over the window's closed nonconformities (1 decimal). */
  meanDaysToClose: number | null;
}

/**
 * The window asked for, its missing ends filled within a year: none given → the current year;
 * only `from` → to 31/12 of from's year; only `to` → from 1/1 of to's year.
 */
export function summaryWindow(
  window: { from?: string; to?: string },
  today: string,
): { from: string; to: string } {
  const year = (window.from ?? window.to ?? today).slice(0, 4);
  return { from: window.from ?? `${year}-01-01`, to: window.to ?? `${year}-12-31` };
}

/**
 * What the management review and the oversight view read of nonconformities: counts over a window
 * of detection dates, set-based (two statements whatever the number of rows).
 */
@Injectable()
export class NonconformitySummaryService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: NonconformityRepository,
    private readonly clauses: IsoClauseDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly clock: Clock,
  ) {}

  async summary(actor: Actor, window: { from?: string; to?: string }): Promise<NonconformitySummaryView> {
    const agencyId = capaAgencyOf(actor);
    const today = todayInVietnam(this.clock.now());
    const { from, to } = summaryWindow(window, today);
    if (from > to) throw new DomainException(ErrorCode.NonconformitySummaryWindowInvalid, { from, to });
    return this.summaryOf(agencyId, from, to);
  }

  /**
   * The same summary for an agency and a window already checked (from ≤ to), in the caller's
   * transaction when it has one: what the management review compiles.
   */
  async summaryOf(
    agencyId: string,
    from: string,
    to: string,
    db: Db = this.tx.db,
  ): Promise<NonconformitySummaryView> {
    const today = todayInVietnam(this.clock.now());
    const groups = await this.repository.summaryGroups(db, agencyId, from, to);
    const times = await this.repository.summaryTimes(db, agencyId, from, to, today);
    const of = (dim: SummaryGroupRow['dim']) => groups.filter((g) => g.dim === dim);

    const clauseRows = of('clause');
    const titles = new Map<string, string>();
    for (const edition of new Set(clauseRows.flatMap((g) => g.edition ?? []))) {
      const labels = await this.clauses.labelsOf(
        edition,
        clauseRows.filter((g) => g.edition === edition).map((g) => g.clause!),
        db,
      );
      for (const [number, label] of labels) titles.set(`${edition}|${number}`, label.titleVi);
    }
    const order = this.clauses.sortNumbers(clauseRows.flatMap((g) => g.clause ?? []));
    const byClause = clauseRows
      .map((g) => ({
        clause: g.clause,
        clauseEdition: g.edition,
        title: g.clause ? (titles.get(`${g.edition}|${g.clause}`) ?? null) : null,
        count: g.count,
      }))
      .sort((a, b) => rank(order, a.clause) - rank(order, b.clause) || cmp(a.clauseEdition, b.clauseEdition));

    const unitRows = of('org_unit');
    const names = await this.agencies.orgUnitNames(
      unitRows.flatMap((g) => g.org_unit_id ?? []),
      db,
    );
    const byOrgUnit = unitRows
      .map((g) => ({
        orgUnitId: g.org_unit_id,
        name: g.org_unit_id ? (names.get(g.org_unit_id) ?? null) : null,
        count: g.count,
      }))
      .sort((a, b) => (a.orgUnitId === null ? 1 : 0) - (b.orgUnitId === null ? 1 : 0) || cmp(a.name, b.name));

    const counted = <K extends string>(
      dim: SummaryGroupRow['dim'],
      column: keyof SummaryGroupRow,
      labels: Record<K, string>,
    ): SummaryCount<K>[] => {
      const counts = new Map(of(dim).map((g) => [g[column] as string, g.count]));
      return (Object.keys(labels) as K[]).map((key) => ({
        key,
        label: labels[key],
        count: counts.get(key) ?? 0,
      }));
    };

    return {
      from,
      to,
      total: of('total')[0]?.count ?? 0,
      byClause,
      byOrgUnit,
      bySource: counted('source', 'source', NONCONFORMITY_SOURCE_LABELS),
      bySeverity: counted('severity', 'severity', NONCONFORMITY_SEVERITY_LABELS),
      byState: counted('state', 'state', NONCONFORMITY_STATE_LABELS),
      byCorrectiveActionState: counted('action_state', 'action_state', {
        none: NONCONFORMITY_MESSAGES.noCorrectiveAction,
        ...CORRECTIVE_ACTION_STATE_LABELS,
      }),
      overdueActions: times.overdueActions,
      overdueNonconformities: times.overdueNonconformities,
      closed: times.closed,
      meanDaysToClose: times.meanDays,
    };
  }
}

function rank(order: string[], clause: string | null): number {
  return clause === null ? Number.MAX_SAFE_INTEGER : order.indexOf(clause);
}

function cmp(a: string | null, b: string | null): number {
  return (a ?? '').localeCompare(b ?? '', 'vi');
}
