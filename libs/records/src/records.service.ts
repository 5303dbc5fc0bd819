import { randomUUID } from 'node:crypto';
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
import { AttachmentsService } from '@eiso/attachments';
import { AuditTrailService } from '@eiso/audit-trail';
import { recordFiles } from './record-attachment-subject';
import { agencyOf, RecordFinder } from './record-finder';
import { assertCanHold, assertCanRelease } from './record-hold';
import { RecordState } from './record-state';
import { RecordTypeRepository } from './record-type.repository';
import { RecordEntity } from './record.entity';
import { RecordRepository, RecordSortField } from './record.repository';
import { RecordView, toRecordView } from './record.views';
import { retentionEndOf } from './retention';

export interface CreateRecordInput {
  recordTypeId: string;
  title: string;
  reference?: string | null;
  recordDate: string;
  tthcCode?: string | null;
}

export interface ListRecordsQuery extends PageRequest {
  recordTypeId?: string;
  state?: RecordState;
  onHold?: boolean;
  recordDateFrom?: string;
  recordDateTo?: string;
  retentionBefore?: string;
  q?: string;
  sort?: { field: RecordSortField; direction: 'ASC' | 'DESC' };
}

/** Filing records against the Danh mục hồ sơ, reading them, and the legal hold. */
@Injectable()
export class RecordsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly records: RecordRepository,
    private readonly types: RecordTypeRepository,
    private readonly attachments: AttachmentsService,
    private readonly finder: RecordFinder,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  /** Files a record; its retention end is the record's date plus the type's retention. */
  async create(actor: Actor, input: CreateRecordInput): Promise<RecordView> {
    const agencyId = agencyOf(actor);
    const now = this.clock.now();
    if (input.recordDate > todayInVietnam(now)) throw new DomainException(ErrorCode.RecordDateInFuture);
    return this.tx.run(async (db) => {
      const type = await this.finder.recordType(db, actor, input.recordTypeId);
      const record: RecordEntity = {
        id: randomUUID(),
        agencyId,
        recordTypeId: type.id,
        title: input.title.trim(),
        reference: input.reference?.trim() || null,
        recordDate: input.recordDate,
        tthcCode: input.tthcCode ?? null,
        retentionMonths: type.retentionMonths,
        retentionEnd: retentionEndOf(input.recordDate, {
          months: type.retentionMonths,
          permanent: type.permanent,
        }),
        state: RecordState.Active,
        dueAt: null,
        holdReason: null,
        heldAt: null,
        heldBy: null,
        disposalId: null,
        disposedAt: null,
        disposedBy: null,
        disposedSha256: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.records.insert(db, record);
      await this.auditTrail.record(db, actor, {
        agencyId,
        entityType: 'record',
        entityId: record.id,
        action: 'record.created',
        after: {
          recordTypeId: type.id,
          title: record.title,
          reference: record.reference,
          recordDate: record.recordDate,
          retentionMonths: record.retentionMonths,
          retentionEnd: record.retentionEnd,
        },
      });
      return toRecordView(record, type, null, []);
    });
  }

  async get(actor: Actor, id: string): Promise<RecordView> {
    const db = this.tx.db;
    const record = await this.finder.record(db, actor, id);
    return this.view(db, record);
  }

  async list(actor: Actor, query: ListRecordsQuery): Promise<Page<RecordView>> {
    const db = this.tx.db;
    const [rows, total] = await this.records.findPage(
      db,
      {
        agencyId: agencyOf(actor),
        recordTypeId: query.recordTypeId,
        state: query.state,
        onHold: query.onHold,
        recordDateFrom: query.recordDateFrom,
        recordDateTo: query.recordDateTo,
        retentionBefore: query.retentionBefore,
        q: query.q,
      },
      query.sort ?? { field: 'recordDate', direction: 'DESC' },
      offsetOf(query),
      query.pageSize,
    );
    const types = new Map(
      (
        await this.types.findByIds(
          db,
          rows.map((r) => r.recordTypeId),
        )
      ).map((t) => [t.id, t]),
    );
    const pending = await this.pendingDisposals(
      db,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) => toRecordView(r, types.get(r.recordTypeId)!, pending.get(r.id) ?? null)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Legal hold: the record stays in its state but the retention job passes it over and no batch
   * can dispose of it. Refused once the record's batch is signed: its files are being deleted.
   */
  async hold(actor: Actor, id: string, reason: string, expectedVersion?: number): Promise<RecordView> {
    return this.tx.run(async (db) => {
      const record = await this.finder.record(db, actor, id, true);
      assertVersion(record, expectedVersion);
      const open = await this.records.openDisposals(db, [record.id]);
      assertCanHold(record, open);
      const now = this.clock.now();
      record.holdReason = reason.trim();
      record.heldAt = now;
      record.heldBy = actor.userId;
      await this.records.save(db, record, now);
      await this.auditTrail.record(db, actor, {
        agencyId: record.agencyId,
        entityType: 'record',
        entityId: record.id,
        action: 'record.held',
        after: {
          reason: record.holdReason,
          state: record.state,
          pendingDisposalId: open[0]?.disposalId ?? null,
        },
      });
      return this.view(db, record);
    });
  }

  /** Lifts the hold: the record is back where it was (a past retention end is picked up next run). */
  async release(actor: Actor, id: string, expectedVersion?: number): Promise<RecordView> {
    return this.tx.run(async (db) => {
      const record = await this.finder.record(db, actor, id, true);
      assertVersion(record, expectedVersion);
      assertCanRelease(record);
      const before = { reason: record.holdReason, heldAt: record.heldAt, heldBy: record.heldBy };
      const now = this.clock.now();
      record.holdReason = null;
      record.heldAt = null;
      record.heldBy = null;
      await this.records.save(db, record, now);
      await this.auditTrail.record(db, actor, {
        agencyId: record.agencyId,
        entityType: 'record',
        entityId: record.id,
        action: 'record.released',
        before,
        after: { state: record.state },
      });
      return this.view(db, record);
    });
  }

  async view(db: Db, record: RecordEntity): Promise<RecordView> {
    const type = (await this.types.findById(db, record.recordTypeId))!;
    const pending = await this.pendingDisposals(db, [record.id]);
    return toRecordView(
      record,
      type,
      pending.get(record.id) ?? null,
      await this.attachments.list(db, recordFiles(record.id)),
    );
  }

  private async pendingDisposals(db: Db, recordIds: string[]): Promise<Map<string, string>> {
    return new Map((await this.records.openDisposals(db, recordIds)).map((o) => [o.recordId, o.disposalId]));
  }
}
