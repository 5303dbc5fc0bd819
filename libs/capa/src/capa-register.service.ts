import { Injectable } from '@nestjs/common';
import { Actor, Clock, todayInVietnam } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { AgencyDirectory, AgencyHeadingReader } from '@eiso/organizations';
import { renderReport, ReportFile, ReportFormat, ReportTable } from '@eiso/reports';
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
import { nonconformityNumber } from './nonconformity-numbering';
import { NonconformityRepository } from './nonconformity.repository';

export interface CapaRegisterAction {
  round: number;
  description: string;
  ownerId: string;
  owner: string | null;
  dueDate: string;
  doneOn: string | null;
}

export interface CapaRegisterVerification {
  round: number;
  verifierId: string;
  verifier: string | null;
  effective: boolean;
  reason: string;
  verifiedAt: string;
}

export interface CapaRegisterEntry {
  no: number;
  nonconformityId: string;
  number: string;
  detectedOn: string;
  source: NonconformitySource;
  sourceLabel: string;
  orgUnitId: string | null;
  orgUnit: string | null;
  clause: string | null;
  title: string;
  description: string;
  severity: NonconformitySeverity;
  severityLabel: string;
  correctiveActionId: string | null;
  correction: string | null;
  rootCause: string | null;
  actions: CapaRegisterAction[];
  verifierId: string | null;
  verifier: string | null;
  verifications: CapaRegisterVerification[];
  state: NonconformityState;
  correctiveActionState: CorrectiveActionState | null;
  /** The corrective action's state, or that none is opened yet. */
  stateLabel: string;
}

/**
 * Sổ theo dõi sự không phù hợp và hành động khắc phục: one row per nonconformity of a year, with
 * its corrective action, actions, verifier and every effectiveness check (four queries in all).
 */
@Injectable()
export class CapaRegisterService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: NonconformityRepository,
    private readonly users: UserDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly headings: AgencyHeadingReader,
    private readonly clock: Clock,
  ) {}

  /** The year asked for, or the current one (Vietnam). */
  yearOf(year: number | undefined): number {
    return year ?? Number(todayInVietnam(this.clock.now()).slice(0, 4));
  }

  async entries(actor: Actor, year?: number): Promise<CapaRegisterEntry[]> {
    return this.entriesOf(capaAgencyOf(actor), year);
  }

  private async entriesOf(agencyId: string, year?: number): Promise<CapaRegisterEntry[]> {
    const db = this.tx.db;
    const rows = await this.repository.registerRows(db, agencyId, this.yearOf(year));
    const actionIds = rows.flatMap((r) => r.action?.id ?? []);
    const tasks = await this.repository.registerTasks(db, actionIds);
    const checks = await this.repository.registerVerifications(db, actionIds);
    const names = await this.users.fullNamesOf(
      [
        ...tasks.map((t) => t.owner_id),
        ...checks.map((c) => c.verifier_id),
        ...rows.flatMap((r) => r.action?.verifierId ?? []),
      ],
      db,
    );
    const units = await this.agencies.orgUnitNames(
      rows.flatMap((r) => r.nc.orgUnitId ?? []),
      db,
    );
    return rows.map(({ nc, action }, i) => {
      const own = action ? checks.filter((c) => c.corrective_action_id === action.id) : [];
      const verifierId = own[own.length - 1]?.verifier_id ?? action?.verifierId ?? null;
      return {
        no: i + 1,
        nonconformityId: nc.id,
        number: nonconformityNumber(nc.serial, nc.year),
        detectedOn: nc.detectedOn,
        source: nc.source,
        sourceLabel: NONCONFORMITY_SOURCE_LABELS[nc.source],
        orgUnitId: nc.orgUnitId,
        orgUnit: nc.orgUnitId ? (units.get(nc.orgUnitId) ?? null) : null,
        clause: nc.clause,
        title: nc.title,
        description: nc.description,
        severity: nc.severity,
        severityLabel: NONCONFORMITY_SEVERITY_LABELS[nc.severity],
        correctiveActionId: action?.id ?? null,
        correction: action?.correction ?? null,
        rootCause: action?.rootCause ?? null,
        actions: action
          ? tasks
              .filter((t) => t.corrective_action_id === action.id)
              .map((t) => ({
                round: t.round,
                description: t.description,
                ownerId: t.owner_id,
                owner: names.get(t.owner_id) ?? null,
                dueDate: t.due_date,
                doneOn: t.done_on,
              }))
          : [],
        verifierId,
        verifier: verifierId ? (names.get(verifierId) ?? null) : null,
        verifications: own.map((c) => ({
          round: c.round,
          verifierId: c.verifier_id,
          verifier: names.get(c.verifier_id) ?? null,
          effective: c.effective,
          reason: c.reason,
          verifiedAt: c.verified_at.toISOString(),
        })),
        state: nc.state,
        correctiveActionState: action?.state ?? null,
        stateLabel: action
          ? CORRECTIVE_ACTION_STATE_LABELS[action.state]
          : NONCONFORMITY_MESSAGES.noCorrectiveAction,
      };
    });
  }

  async file(actor: Actor, format: ReportFormat, year?: number): Promise<ReportFile> {
    return this.fileOf(capaAgencyOf(actor), format, year);
  }

  /**
   * An agency's log of nonconformities and corrective actions as a file: the routes pass the
   * reader's own agency; the province's inspection pack the inspected one.
   */
  async fileOf(agencyId: string, format: ReportFormat, year?: number): Promise<ReportFile> {
    const chosenYear = this.yearOf(year);
    const entries = await this.entriesOf(agencyId, chosenYear);
    const text = NONCONFORMITY_MESSAGES.register;
    const columns = text.columns;
    const table: ReportTable = {
      title: text.title,
      heading: await this.headings.headingOf(agencyId),
      generatedAt: this.clock.now(),
      subtitle: [
        text.subtitle(
          chosenYear,
          entries.length,
          entries.filter((e) => e.state === NonconformityState.Closed).length,
        ),
      ],
      columns: [
        { key: 'number', header: columns.number, width: 7, align: 'center' },
        { key: 'detectedOn', header: columns.detectedOn, width: 9, align: 'center', type: 'date' },
        { key: 'source', header: columns.source, width: 9 },
        { key: 'orgUnit', header: columns.orgUnit, width: 10 },
        { key: 'clause', header: columns.clause, width: 7, align: 'center' },
        { key: 'description', header: columns.description, width: 20 },
        { key: 'severity', header: columns.severity, width: 6, align: 'center' },
        { key: 'rootCause', header: columns.rootCause, width: 14 },
        { key: 'actions', header: columns.actions, width: 24 },
        { key: 'verifier', header: columns.verifier, width: 10 },
        { key: 'result', header: columns.result, width: 13 },
        { key: 'state', header: columns.state, width: 10 },
      ],
      rows: entries.map((e) => ({
        number: e.number,
        detectedOn: e.detectedOn,
        source: e.sourceLabel,
        orgUnit: e.orgUnit,
        clause: e.clause,
        description: e.description && e.description !== e.title ? `${e.title}\n${e.description}` : e.title,
        severity: e.severityLabel,
        rootCause: e.rootCause,
        actions: actionLines(e.actions) || null,
        verifier: e.verifier,
        result:
          e.verifications.map((v) => text.result(v.round, v.effective, new Date(v.verifiedAt))).join('\n') ||
          null,
        state: e.stateLabel,
      })),
    };
    return renderReport(table, format, text.fileName(chosenYear));
  }
}

/** The actions of a register row, one per line, grouped by round when there is more than one. */
export function actionLines(actions: readonly CapaRegisterAction[]): string {
  const text = NONCONFORMITY_MESSAGES.register;
  const rounds = [...new Set(actions.map((a) => a.round))];
  return rounds
    .flatMap((round) => [
      ...(rounds.length > 1 ? [text.round(round)] : []),
      ...actions
        .filter((a) => a.round === round)
        .map((a) => text.action(a.description, a.owner ?? '', a.dueDate, a.doneOn)),
    ])
    .join('\n');
}
