import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode, Page, PageRequest, pageOf, offsetOf } from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { DocumentDirectory } from '@eiso/documents';
import { AgencyDirectory } from '@eiso/organizations';
import { agencyOf, RecordFinder } from './record-finder';
import { RecordTypeEntity } from './record-type.entity';
import { RecordTypeRepository } from './record-type.repository';
import { RecordTypeView, toRecordTypeView } from './record.views';
import { RECORD_MESSAGES } from './records.messages';
import { Retention } from './retention';

export interface RecordTypeInput {
  code: string;
  name: string;
  documentId?: string | null;
  retentionMonths?: number | null;
  permanent?: boolean;
  storagePlace: string;
  responsibleOrgUnitId: string;
}

export type RecordTypeChanges = Partial<RecordTypeInput>;

export interface ListRecordTypesQuery extends PageRequest {
  q?: string;
}

/** The Danh mục hồ sơ: the ISO secretary keeps it; every member of the agency reads it. */
@Injectable()
export class RecordTypesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly types: RecordTypeRepository,
    private readonly finder: RecordFinder,
    private readonly auditTrail: AuditTrailService,
    private readonly documents: DocumentDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: RecordTypeInput): Promise<RecordTypeView> {
    const agencyId = agencyOf(actor);
    const retention = retentionOf(input.retentionMonths, input.permanent);
    return this.tx.run(async (db) => {
      await this.assertReferences(db, agencyId, input.documentId ?? null, input.responsibleOrgUnitId);
      if (await this.types.codeExists(db, agencyId, input.code)) {
        throw new DomainException(ErrorCode.RecordTypeCodeTaken);
      }
      const now = this.clock.now();
      const type: RecordTypeEntity = {
        id: randomUUID(),
        agencyId,
        code: input.code.trim(),
        name: input.name.trim(),
        documentId: input.documentId ?? null,
        retentionMonths: retention.months,
        permanent: retention.permanent,
        storagePlace: input.storagePlace.trim(),
        responsibleOrgUnitId: input.responsibleOrgUnitId,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.types.insert(db, type);
      await this.auditTrail.record(db, actor, {
        agencyId,
        entityType: 'record_type',
        entityId: type.id,
        action: 'record_type.created',
        after: summary(type),
      });
      return toRecordTypeView(type);
    });
  }

  /**
   * Edits a line of the register under If-Match. A new retention applies to the type's records
   * still `active` (their retention end moves); records already due stay due (hold them to keep).
   */
  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    changes: RecordTypeChanges,
  ): Promise<RecordTypeView> {
    return this.tx.run(async (db) => {
      const type = await this.finder.recordType(db, actor, id, true);
      assertVersion(type, expectedVersion);
      const before = summary(type);
      if (changes.code !== undefined && changes.code.trim().toLowerCase() !== type.code.toLowerCase()) {
        if (await this.types.codeExists(db, type.agencyId, changes.code, type.id)) {
          throw new DomainException(ErrorCode.RecordTypeCodeTaken);
        }
      }
      const documentId = changes.documentId !== undefined ? changes.documentId : type.documentId;
      const orgUnitId = changes.responsibleOrgUnitId ?? type.responsibleOrgUnitId;
      await this.assertReferences(db, type.agencyId, documentId, orgUnitId);
      if (changes.code !== undefined) type.code = changes.code.trim();
      if (changes.name !== undefined) type.name = changes.name.trim();
      if (changes.storagePlace !== undefined) type.storagePlace = changes.storagePlace.trim();
      type.documentId = documentId;
      type.responsibleOrgUnitId = orgUnitId;
      let moved = 0;
      const now = this.clock.now();
      if (changes.retentionMonths !== undefined || changes.permanent !== undefined) {
        const retention = retentionOf(changes.retentionMonths, changes.permanent);
        type.retentionMonths = retention.months;
        type.permanent = retention.permanent;
        moved = await this.types.applyRetention(db, type.id, retention.months, now);
      }
      await this.types.save(db, type, now);
      await this.auditTrail.record(db, actor, {
        agencyId: type.agencyId,
        entityType: 'record_type',
        entityId: type.id,
        action: 'record_type.updated',
        before,
        after: { ...summary(type), activeRecordsRecomputed: moved },
      });
      return toRecordTypeView(type);
    });
  }

  async get(actor: Actor, id: string): Promise<RecordTypeView> {
    return toRecordTypeView(await this.finder.recordType(this.tx.db, actor, id));
  }

  async list(actor: Actor, query: ListRecordTypesQuery): Promise<Page<RecordTypeView>> {
    const [rows, total] = await this.types.findPage(
      this.tx.db,
      agencyOf(actor),
      query.q,
      offsetOf(query),
      query.pageSize,
    );
    return pageOf(rows, total, query, toRecordTypeView);
  }

  private async assertReferences(
    db: Db,
    agencyId: string,
    documentId: string | null,
    orgUnitId: string,
  ): Promise<void> {
    if (documentId && !(await this.documents.belongsTo(agencyId, documentId, db))) {
      throw new DomainException(ErrorCode.RecordTypeDocumentInvalid);
    }
    if (!(await this.agencies.orgUnitsBelong(agencyId, [orgUnitId], db))) {
      throw new DomainException(ErrorCode.RecordTypeOrgUnitInvalid);
    }
  }
}

/** Exactly one of a number of months or `permanent: true`. */
export function retentionOf(months: number | null | undefined, permanent: boolean | undefined): Retention {
  const hasMonths = months !== undefined && months !== null;
  if (permanent === true && !hasMonths) return { months: null, permanent: true };
  if (permanent !== true && hasMonths) return { months, permanent: false };
  throw new DomainException(ErrorCode.ValidationFailed, {
    errors: [{ field: 'retentionMonths', message: RECORD_MESSAGES.validation.retention }],
  });
}

function summary(t: RecordTypeEntity): Record<string, unknown> {
  return {
    code: t.code,
    name: t.name,
    documentId: t.documentId,
    retentionMonths: t.retentionMonths,
    permanent: t.permanent,
    storagePlace: t.storagePlace,
    responsibleOrgUnitId: t.responsibleOrgUnitId,
  };
}
