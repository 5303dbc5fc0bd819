import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AttachmentsService } from '@eiso/attachments';
import { AuditTrailService } from '@eiso/audit-trail';
import {
  LATE_DOSSIER_CLAUSE,
  NonconformitiesService,
  NonconformitySeverity,
  NonconformitySource,
} from '@eiso/capa';
import { Actor, Clock, DomainException, ErrorCode, hasPermission, Permission } from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { ALLOWED_DOCUMENT_MEDIA_TYPES } from '@eiso/storage';
import { parseMeasurementCsv } from './objective-csv';
import { assertActive, assertMayMeasure } from './objective-duties';
import { ObjectiveFinder } from './objective-finder';
import { objectiveMeasurementFiles } from './objective-measurement-attachment-subject';
import { LateDossierDetail, ObjectiveMeasurementEntity } from './objective-measurement.entity';
import { periodBounds, periodProblem } from './objective-periods';
import { ObjectivePresenter } from './objective-presenter';
import { ObjectiveEntity } from './objective.entity';
import { ObjectiveRepository } from './objective.repository';
import {
  lateDossiersOf,
  ObjectiveFileView,
  ObjectiveMeasurementImportView,
  ObjectiveMeasurementView,
  toObjectiveFileView,
} from './objective.views';
import { OBJECTIVE_MESSAGES } from './objectives.messages';

export interface RecordMeasurementInput {
  period: string;
  value: number;
  note?: string | null;
}

export interface MeasurementChanges {
  value?: number;
  /** null clears it. */
  note?: string | null;
}

export interface ObjectiveFileDownload {
  file: ObjectiveFileView;
  stream: Readable;
}

/**
 * The figures of an objective: entered by hand or imported from a CSV (one value per period, or the
 * one-stop-shop counts of dossiers on time and late), corrected with If-Match, evidence files, and
 * the late dossiers of a month raised as one nonconformity.
 */
@Injectable()
export class ObjectiveMeasurementsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: ObjectiveRepository,
    private readonly finder: ObjectiveFinder,
    private readonly presenter: ObjectivePresenter,
    private readonly nonconformities: NonconformitiesService,
    private readonly attachments: AttachmentsService,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async record(
    actor: Actor,
    objectiveId: string,
    input: RecordMeasurementInput,
  ): Promise<ObjectiveMeasurementView> {
    return this.tx.run(async (db) => {
      const o = await this.writableObjective(db, actor, objectiveId);
      const period = input.period.trim();
      this.checkPeriod(o, period);
      const existing = (await this.repository.measurementsOf(db, [o.id])).find((m) => m.period === period);
      if (existing) {
        throw new DomainException(ErrorCode.ObjectiveMeasurementExists, {
          period,
          measurementId: existing.id,
          message: OBJECTIVE_MESSAGES.measurementExists(period),
        });
      }
      const m = await this.insert(db, actor, o, period, input.value, input.note?.trim() || null, null);
      return this.presenter.measurement(db, o, m);
    });
  }

  async get(actor: Actor, objectiveId: string, measurementId: string): Promise<ObjectiveMeasurementView> {
    const db = this.tx.db;
    const o = await this.finder.objective(db, actor, objectiveId);
    return this.presenter.measurement(db, o, await this.finder.measurement(db, o, measurementId));
  }

  async update(
    actor: Actor,
    objectiveId: string,
    measurementId: string,
    expectedVersion: number,
    changes: MeasurementChanges,
  ): Promise<ObjectiveMeasurementView> {
    return this.tx.run(async (db) => {
      const o = await this.writableObjective(db, actor, objectiveId);
      const m = await this.finder.measurement(db, o, measurementId, true);
      assertVersion(m, expectedVersion);
      const before = measurementSummary(m);
      if (changes.value !== undefined) m.value = changes.value;
      if (changes.note !== undefined) m.note = changes.note?.trim() || null;
      if (JSON.stringify(measurementSummary(m)) === JSON.stringify(before)) {
        return this.presenter.measurement(db, o, m);
      }
      await this.save(db, actor, o, m, before);
      return this.presenter.measurement(db, o, m);
    });
  }

  /**
   * All or nothing: the file is checked whole before anything is written; a period already
   * measured is updated (its old value in the audit event), the others created.
   */
  async import(actor: Actor, objectiveId: string, file: Buffer): Promise<ObjectiveMeasurementImportView> {
    return this.tx.run(async (db) => {
      const o = await this.writableObjective(db, actor, objectiveId);
      const { rows } = parseMeasurementCsv(file, {
        year: o.year,
        frequency: o.frequency,
        today: this.presenter.today(),
      });
      const existing = new Map((await this.repository.measurementsOf(db, [o.id])).map((m) => [m.period, m]));
      const created: string[] = [];
      const updated: string[] = [];
      for (const row of rows) {
        const m = existing.get(row.period);
        if (!m) {
          await this.insert(db, actor, o, row.period, row.value, row.note, row.detail);
          created.push(row.period);
          continue;
        }
        const before = measurementSummary(m);
        m.value = row.value;
        m.note = row.note;
        m.detail = row.detail;
        if (JSON.stringify(measurementSummary(m)) !== JSON.stringify(before)) {
          await this.save(db, actor, o, m, before);
        }
        updated.push(row.period);
      }
      return { created, updated, objective: await this.presenter.detail(db, o) };
    });
  }

  /**
   * The late dossiers of a measured month as ONE nonconformity of source late_dossier (clause 8.7),
   * naming the month, the objective and each TTHC with its late count; the link is kept on the
   * measurement in the same transaction. Needs nonconformity.raise as well as objective.measure.
   */
  async raiseNonconformity(
    actor: Actor,
    objectiveId: string,
    measurementId: string,
  ): Promise<ObjectiveMeasurementView> {
    if (!hasPermission(actor.roles, Permission.NonconformityRaise)) {
      throw new DomainException(ErrorCode.ObjectiveRaiseForbidden);
    }
    return this.tx.run(async (db) => {
      const o = await this.writableObjective(db, actor, objectiveId);
      const m = await this.finder.measurement(db, o, measurementId, true);
      if (m.nonconformityId) {
        throw new DomainException(ErrorCode.ObjectiveNonconformityExists, {
          nonconformityId: m.nonconformityId,
          number: m.nonconformityNumber,
          message: OBJECTIVE_MESSAGES.nonconformityExists(m.nonconformityNumber ?? ''),
        });
      }
      const late = (m.detail?.tthc ?? []).filter((t) => t.late > 0);
      if (!late.length) throw new DomainException(ErrorCode.ObjectiveNoLateDossiers);
      const nc = await this.nonconformities.raiseIn(db, actor, {
        source: NonconformitySource.LateDossier,
        severity: NonconformitySeverity.Minor,
        title: OBJECTIVE_MESSAGES.lateTitle(m.period, lateDossiersOf(m.detail)),
        description: OBJECTIVE_MESSAGES.lateDescription(m.period, o.statement, late),
        clause: LATE_DOSSIER_CLAUSE,
        orgUnitId: o.ownerOrgUnitId,
        tthcCode: OBJECTIVE_MESSAGES.lateCodes(late.map((t) => t.code)),
        dossierNumber: OBJECTIVE_MESSAGES.lateReference(m.period),
        // The export counts dossiers, not days: a month's summary has no day count.
        daysLate: null,
        lateDossierSummary: true,
      });
      m.nonconformityId = nc.id;
      m.nonconformityNumber = nc.number;
      m.updatedBy = actor.userId;
      await this.repository.saveMeasurement(db, m, this.clock.now());
      await this.auditTrail.record(db, actor, {
        agencyId: o.agencyId,
        entityType: 'objective_measurement',
        entityId: m.id,
        action: 'objective_measurement.nonconformity_raised',
        after: {
          period: m.period,
          nonconformityId: nc.id,
          number: nc.number,
          lateDossiers: lateDossiersOf(m.detail),
        },
      });
      return this.presenter.measurement(db, o, m);
    });
  }

  // --- evidence files ---

  async prepareUpload(actor: Actor, objectiveId: string, measurementId: string): Promise<void> {
    await this.measurementOf(actor, objectiveId, measurementId);
    await this.attachments.prepareUpload(actor, objectiveMeasurementFiles(measurementId));
  }

  async upload(
    actor: Actor,
    objectiveId: string,
    measurementId: string,
    fileName: string,
    body: Readable,
    signal?: AbortSignal,
  ): Promise<ObjectiveFileView> {
    await this.measurementOf(actor, objectiveId, measurementId);
    const file = await this.attachments.upload(
      actor,
      objectiveMeasurementFiles(measurementId),
      fileName,
      body,
      signal,
      {
        accepted: ALLOWED_DOCUMENT_MEDIA_TYPES,
      },
    );
    return toObjectiveFileView(file);
  }

  async listFiles(actor: Actor, objectiveId: string, measurementId: string): Promise<ObjectiveFileView[]> {
    await this.measurementOf(actor, objectiveId, measurementId);
    return (await this.attachments.list(this.tx.db, objectiveMeasurementFiles(measurementId)))
      .filter((f) => f.deletedAt === null)
      .map(toObjectiveFileView);
  }

  async download(
    actor: Actor,
    objectiveId: string,
    measurementId: string,
    fileId: string,
  ): Promise<ObjectiveFileDownload> {
    await this.measurementOf(actor, objectiveId, measurementId);
    const { file, stream } = await this.attachments.open(
      actor,
      objectiveMeasurementFiles(measurementId),
      fileId,
    );
    return { file: toObjectiveFileView(file), stream };
  }

  async removeFile(actor: Actor, objectiveId: string, measurementId: string, fileId: string): Promise<void> {
    await this.measurementOf(actor, objectiveId, measurementId);
    await this.attachments.remove(actor, objectiveMeasurementFiles(measurementId), fileId);
  }

  // --- shared ---

  private async measurementOf(actor: Actor, objectiveId: string, measurementId: string) {
    const db = this.tx.db;
    return this.finder.measurement(db, await this.finder.objective(db, actor, objectiveId), measurementId);
  }

  /** The objective locked, active, and the actor allowed to enter its figures. */
  private async writableObjective(db: Db, actor: Actor, objectiveId: string): Promise<ObjectiveEntity> {
    const o = await this.finder.objective(db, actor, objectiveId, true);
    assertActive(o);
    assertMayMeasure(actor, o);
    return o;
  }

  private checkPeriod(o: ObjectiveEntity, period: string): void {
    const problem = periodProblem(period, o, this.presenter.today());
    if (!problem) return;
    throw new DomainException(
      problem === 'future' ? ErrorCode.ObjectivePeriodInFuture : ErrorCode.ObjectivePeriodInvalid,
      { period, message: OBJECTIVE_MESSAGES.periodProblem(problem, period, o.frequency, o.year) },
    );
  }

  private async insert(
    db: Db,
    actor: Actor,
    o: ObjectiveEntity,
    period: string,
    value: number,
    note: string | null,
    detail: LateDossierDetail | null,
  ): Promise<ObjectiveMeasurementEntity> {
    const now = this.clock.now();
    const m: ObjectiveMeasurementEntity = {
      id: randomUUID(),
      objectiveId: o.id,
      agencyId: o.agencyId,
      period,
      periodStart: periodBounds(period)!.first,
      value,
      note,
      detail,
      nonconformityId: null,
      nonconformityNumber: null,
      enteredBy: actor.userId,
      enteredAt: now,
      updatedBy: actor.userId,
      updatedAt: now,
      version: 1,
    };
    await this.repository.insertMeasurement(db, m);
    await this.auditTrail.record(db, actor, {
      agencyId: o.agencyId,
      entityType: 'objective_measurement',
      entityId: m.id,
      action: 'objective_measurement.recorded',
      after: { objectiveId: o.id, ...measurementSummary(m) },
    });
    return m;
  }

  private async save(
    db: Db,
    actor: Actor,
    o: ObjectiveEntity,
    m: ObjectiveMeasurementEntity,
    before: ReturnType<typeof measurementSummary>,
  ): Promise<void> {
    m.updatedBy = actor.userId;
    await this.repository.saveMeasurement(db, m, this.clock.now());
    await this.auditTrail.record(db, actor, {
      agencyId: o.agencyId,
      entityType: 'objective_measurement',
      entityId: m.id,
      action: 'objective_measurement.updated',
      before,
      after: measurementSummary(m),
    });
  }
}

function measurementSummary(m: ObjectiveMeasurementEntity) {
  return { period: m.period, value: m.value, note: m.note, detail: m.detail };
}
