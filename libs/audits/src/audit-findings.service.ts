import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { AttachmentsService } from '@eiso/attachments';
import { AuditTrailService } from '@eiso/audit-trail';
import { NonconformityDirectory } from '@eiso/capa';
import { Actor, Clock, DomainException, ErrorCode, offsetOf, Page, PageRequest, pageOf } from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { IsoClauseDirectory } from '@eiso/iso-clauses';
import { AgencyDirectory } from '@eiso/organizations';
import { ALLOWED_DOCUMENT_MEDIA_TYPES } from '@eiso/storage';
import { assertCanWorkOnChecklist } from './audit-checklist-item-attachment-subject';
import { AuditFinder } from './audit-finder';
import { independenceBreaches } from './audit-independence';
import { findingFiles } from './audit-finding-attachment-subject';
import { clauseInScope, orgUnitInScope } from './audit-finding-scope';
import { AuditFindingEntity } from './audit-finding.entity';
import { AuditFindingRepository, FindingFilter } from './audit-finding.repository';
import {
  AuditFindingFileView,
  AuditFindingView,
  FindingNames,
  toAuditFindingFileView,
  toAuditFindingView,
} from './audit-finding.views';
import { AUDIT_REPORT_MESSAGES } from './audit-report.messages';
import { FindingType } from './audit-state';
import { AuditEntity } from './audit.entity';
import { AuditRepository } from './audit.repository';

export interface CreateFindingInput {
  type: FindingType;
  clause: string;
  orgUnitId?: string | null;
  checklistItemId?: string | null;
  statement: string;
  evidence?: string | null;
}

/** A PATCH: fields left out stay; `orgUnitId`, `checklistItemId` and `evidence` clear with null. */
export type UpdateFindingInput = Partial<CreateFindingInput>;

export interface ListFindingsQuery extends PageRequest, FindingFilter {}

export interface FindingFileDownload {
  file: AuditFindingFileView;
  stream: Readable;
}

const M = AUDIT_REPORT_MESSAGES.refusals;

/** What a finding records, as the trail shows it before and after a change. */
function facts(f: AuditFindingEntity): Record<string, unknown> {
  return {
    auditId: f.auditId,
    serial: f.serial,
    type: f.type,
    clause: f.clause,
    orgUnitId: f.orgUnitId,
    checklistItemId: f.checklistItemId,
    statement: f.statement,
    evidence: f.evidence,
  };
}

const blankToNull = (text: string | null | undefined): string | null => text?.trim() || null;

/**
 * Findings of an audit (DESIGN §6): recorded, changed and deleted by the audit team while the
 * audit is in progress, each write under the audit's row lock (the report takes it too, so what
 * the lead auditor signs is what is stored); read by whoever reads the audit.
 */
@Injectable()
export class AuditFindingsService {
  private readonly logger = new Logger(AuditFindingsService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly finder: AuditFinder,
    private readonly audits: AuditRepository,
    private readonly findings: AuditFindingRepository,
    private readonly clauses: IsoClauseDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly users: UserDirectory,
    private readonly nonconformities: NonconformityDirectory,
    private readonly attachments: AttachmentsService,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, auditId: string, input: CreateFindingInput): Promise<AuditFindingView> {
    // Who and when first (403/409), before the fields are judged (422), and again under the lock.
    assertCanWorkOnChecklist(actor, await this.finder.findReadable(actor, auditId));
    return this.tx.run(async (db) => {
      const audit = await this.finder.findForUpdate(db, actor, auditId);
      assertCanWorkOnChecklist(actor, audit);
      const now = this.clock.now();
      const finding: AuditFindingEntity = {
        id: randomUUID(),
        auditId: audit.id,
        agencyId: audit.agencyId,
        serial: await this.findings.nextSerial(db, audit.id),
        type: input.type,
        clause: input.clause,
        orgUnitId: input.orgUnitId ?? null,
        checklistItemId: input.checklistItemId ?? null,
        statement: input.statement.trim() || input.statement,
        evidence: blankToNull(input.evidence),
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.check(db, actor, audit, finding);
      await this.findings.insert(db, finding);
      // The report's ETag is the audit's: any write under it makes an older one stale.
      await this.audits.save(db, audit, now);
      await this.auditTrail.record(db, actor, {
        agencyId: audit.agencyId,
        entityType: 'audit_finding',
        entityId: finding.id,
        action: 'audit_finding.created',
        after: facts(finding),
      });
      return this.view(db, audit, finding);
    });
  }

  async update(
    actor: Actor,
    auditId: string,
    findingId: string,
    input: UpdateFindingInput,
    expectedVersion: number,
  ): Promise<AuditFindingView> {
    const readable = await this.finder.findReadable(actor, auditId);
    await this.load(this.tx.db, readable, findingId);
    assertCanWorkOnChecklist(actor, readable);
    return this.tx.run(async (db) => {
      const audit = await this.finder.findForUpdate(db, actor, auditId);
      const finding = await this.load(db, audit, findingId);
      assertCanWorkOnChecklist(actor, audit);
      assertVersion(finding, expectedVersion);
      const before = facts(finding);
      if (input.type !== undefined) finding.type = input.type;
      if (input.clause !== undefined) finding.clause = input.clause;
      if (input.orgUnitId !== undefined) finding.orgUnitId = input.orgUnitId;
      if (input.checklistItemId !== undefined) finding.checklistItemId = input.checklistItemId;
      if (input.statement !== undefined) finding.statement = input.statement.trim() || input.statement;
      if (input.evidence !== undefined) finding.evidence = blankToNull(input.evidence);
      await this.check(db, actor, audit, finding);
      const now = this.clock.now();
      await this.findings.save(db, finding, expectedVersion, now);
      await this.audits.save(db, audit, now);
      await this.auditTrail.record(db, actor, {
        agencyId: audit.agencyId,
        entityType: 'audit_finding',
        entityId: finding.id,
        action: 'audit_finding.updated',
        before,
        after: facts(finding),
      });
      return this.view(db, audit, finding);
    });
  }

  /** Removes a finding and its evidence files (their rows stay as tombstones; the bytes go after commit). */
  async remove(actor: Actor, auditId: string, findingId: string): Promise<void> {
    const readable = await this.finder.findReadable(actor, auditId);
    await this.load(this.tx.db, readable, findingId);
    assertCanWorkOnChecklist(actor, readable);
    const hadFiles = await this.tx.run(async (db) => {
      const audit = await this.finder.findForUpdate(db, actor, auditId);
      const finding = await this.load(db, audit, findingId);
      assertCanWorkOnChecklist(actor, audit);
      const files = (await this.attachments.list(db, findingFiles(finding.id))).filter((f) => !f.deletedAt);
      if (files.length) await this.attachments.markDeleted(db, findingFiles(finding.id), this.clock.now());
      await this.findings.delete(db, finding.id);
      await this.audits.save(db, audit, this.clock.now());
      await this.auditTrail.record(db, actor, {
        agencyId: audit.agencyId,
        entityType: 'audit_finding',
        entityId: finding.id,
        action: 'audit_finding.deleted',
        before: {
          ...facts(finding),
          files: files.map((f) => ({ fileId: f.id, name: f.name, sha256: f.sha256 })),
        },
      });
      return files.length > 0;
    });
    if (hadFiles) {
      // Best effort: a failure leaves objects that the tombstone rows still name.
      await this.attachments.deleteObjects(this.tx.db, findingFiles(findingId)).catch((error: unknown) => {
        this.logger.warn(`Could not delete the files of finding ${findingId}: ${String(error)}`);
      });
    }
  }

  async get(actor: Actor, auditId: string, findingId: string): Promise<AuditFindingView> {
    const db = this.tx.db;
    const audit = await this.finder.findReadable(actor, auditId, db);
    return this.view(db, audit, await this.load(db, audit, findingId));
  }

  async list(actor: Actor, auditId: string, query: ListFindingsQuery): Promise<Page<AuditFindingView>> {
    const db = this.tx.db;
    const audit = await this.finder.findReadable(actor, auditId, db);
    const [rows, total] = await this.findings.findPage(
      db,
      audit.id,
      { type: query.type, clause: query.clause, orgUnitId: query.orgUnitId },
      offsetOf(query),
      query.pageSize,
    );
    const names = await this.namesOf(db, audit, rows);
    return pageOf(rows, total, query, (f) => toAuditFindingView(f, names));
  }

  // --- evidence files (AttachmentsService, rules in AuditFindingAttachmentSubject) ---

  /** Checks everything that can be checked before a byte is stored. */
  async prepareUpload(actor: Actor, auditId: string, findingId: string): Promise<void> {
    await this.ownFinding(actor, auditId, findingId);
    await this.attachments.prepareUpload(actor, findingFiles(findingId));
  }

  get maxBytes(): number {
    return this.attachments.maxBytes;
  }

  async upload(
    actor: Actor,
    auditId: string,
    findingId: string,
    fileName: string,
    body: Readable,
    signal?: AbortSignal,
  ): Promise<AuditFindingFileView> {
    await this.ownFinding(actor, auditId, findingId);
    const file = await this.attachments.upload(actor, findingFiles(findingId), fileName, body, signal, {
      accepted: ALLOWED_DOCUMENT_MEDIA_TYPES,
    });
    return toAuditFindingFileView(file);
  }

  async files(actor: Actor, auditId: string, findingId: string): Promise<AuditFindingFileView[]> {
    await this.ownFinding(actor, auditId, findingId);
    const files = await this.attachments.list(this.tx.db, findingFiles(findingId));
    return files.filter((f) => !f.deletedAt).map(toAuditFindingFileView);
  }

  async download(
    actor: Actor,
    auditId: string,
    findingId: string,
    fileId: string,
  ): Promise<FindingFileDownload> {
    await this.ownFinding(actor, auditId, findingId);
    const { file, stream } = await this.attachments.open(actor, findingFiles(findingId), fileId);
    return { file: toAuditFindingFileView(file), stream };
  }

  async removeFile(actor: Actor, auditId: string, findingId: string, fileId: string): Promise<void> {
    await this.ownFinding(actor, auditId, findingId);
    await this.attachments.remove(actor, findingFiles(findingId), fileId);
  }

  /** Names of everything a page of findings shows: one query per kind. */
  async namesOf(db: Db, audit: AuditEntity, findings: readonly AuditFindingEntity[]): Promise<FindingNames> {
    const labels = await this.clauses.labelsOf(
      audit.clauseEdition,
      findings.map((f) => f.clause),
      db,
    );
    // One after the other: inside a transaction they share one connection.
    const units = await this.agencies.orgUnitNames(
      findings.flatMap((f) => (f.orgUnitId ? [f.orgUnitId] : [])),
      db,
    );
    const users = await this.users.fullNamesOf(
      findings.map((f) => f.createdBy),
      db,
    );
    const nonconformities = await this.nonconformities.ofFindings(
      findings.map((f) => f.id),
      db,
    );
    return {
      clauses: new Map([...labels].map(([n, l]) => [n, l.titleVi])),
      units,
      users,
      nonconformities,
    };
  }

  private async view(db: Db, audit: AuditEntity, finding: AuditFindingEntity): Promise<AuditFindingView> {
    return toAuditFindingView(finding, await this.namesOf(db, audit, [finding]));
  }

  /** The finding must be one of this audit's (404 otherwise). */
  private async load(db: Db, audit: AuditEntity, findingId: string): Promise<AuditFindingEntity> {
    const finding = await this.findings.findOne(db, audit.id, findingId);
    if (!finding) throw new DomainException(ErrorCode.AuditFindingNotFound);
    return finding;
  }

  private async ownFinding(actor: Actor, auditId: string, findingId: string): Promise<void> {
    const audit = await this.finder.findReadable(actor, auditId);
    await this.load(this.tx.db, audit, findingId);
  }

  /** ISO 19011 §5.5.3: an auditor records no finding on their own unit, nor one above or under it. */
  private async assertIndependent(
    db: Db,
    actor: Actor,
    audit: AuditEntity,
    orgUnitId: string,
  ): Promise<void> {
    const [card] = await this.users.cardsOf([actor.userId], db);
    if (!card?.orgUnitId) return;
    const [breach] = independenceBreaches(
      [orgUnitId],
      [{ id: card.id, fullName: card.fullName, orgUnitId: card.orgUnitId }],
      await this.agencies.orgUnitsOf(audit.agencyId, db),
    );
    if (breach) {
      throw new DomainException(ErrorCode.AuditAuditorNotIndependent, {
        orgUnitId,
        breaches: [
          { auditorId: breach.auditorId, orgUnitId: breach.orgUnitId, scopeUnitId: breach.scopeUnitId },
        ],
        message: M.findingNotIndependent(breach),
      });
    }
  }

  /**
   * The finding's rules (422 naming what breaks them): a clause of the audit's edition within the
   * scope, a unit of the scope (any unit of the agency when the scope lists none) that is neither
   * the acting auditor's own unit nor one above or under it, a checklist item of this audit.
   */
  private async check(db: Db, actor: Actor, audit: AuditEntity, f: AuditFindingEntity): Promise<void> {
    if ((await this.clauses.unknownClauses(audit.clauseEdition, [f.clause], db)).length) {
      throw new DomainException(ErrorCode.AuditFindingClauseInvalid, {
        clause: f.clause,
        edition: audit.clauseEdition,
        message: M.clauseUnknown(f.clause, audit.clauseEdition),
      });
    }
    if (!clauseInScope(f.clause, audit.clauses)) {
      throw new DomainException(ErrorCode.AuditFindingClauseInvalid, {
        clause: f.clause,
        scope: audit.clauses,
        message: M.clauseOutOfScope(f.clause, this.clauses.sortNumbers(audit.clauses)),
      });
    }
    if (f.orgUnitId) {
      const belongs = await this.agencies.orgUnitsBelong(audit.agencyId, [f.orgUnitId], db);
      if (!belongs) {
        throw new DomainException(ErrorCode.AuditFindingOrgUnitOutOfScope, {
          orgUnitId: f.orgUnitId,
          message: M.orgUnitNotOfAgency,
        });
      }
      if (!orgUnitInScope(f.orgUnitId, audit.orgUnitIds)) {
        const names = await this.agencies.orgUnitNames([f.orgUnitId, ...audit.orgUnitIds], db);
        throw new DomainException(ErrorCode.AuditFindingOrgUnitOutOfScope, {
          orgUnitId: f.orgUnitId,
          scope: audit.orgUnitIds,
          message: M.orgUnitOutOfScope(
            names.get(f.orgUnitId) ?? null,
            audit.orgUnitIds.map((id) => names.get(id) ?? id),
          ),
        });
      }
    }
    if (f.orgUnitId) await this.assertIndependent(db, actor, audit, f.orgUnitId);
    if (f.checklistItemId && !(await this.audits.findItem(db, audit.id, f.checklistItemId))) {
      throw new DomainException(ErrorCode.AuditFindingChecklistItemInvalid, {
        checklistItemId: f.checklistItemId,
      });
    }
  }
}
