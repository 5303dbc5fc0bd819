import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, isAdmin, Page, PageRequest, offsetOf, pageOf } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { ChainVerification, ChainVerifier, GENESIS_HASH, hashLink } from './audit-chain';
import { AuditEventEntity } from './audit-event.entity';
import { AuditEventFilter, AuditEventRepository } from './audit-event.repository';
import { AuditVisibilityRegistry } from './audit-visibility.registry';

/** What a service reports about a change; actor, time and chain fields are added here. */
export interface AuditRecord {
  agencyId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: object | null;
  after?: object | null;
}

export interface AuditEventView {
  id: string;
  seq: string;
  occurredAt: string;
  actorId: string | null;
  actorUsername: string;
  agencyId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  /** null when redacted. */
  before: Record<string, unknown> | null;
  /** null when redacted. */
  after: Record<string, unknown> | null;
  /**
   * The reader may not see the subject (a draft outside their drafting circle, another domain's
   * internal record): what changed is left out; who did what, when, to which id, stays.
   */
  redacted: boolean;
  requestId: string | null;
  hash: string;
  prevHash: string;
}

const VERIFY_BATCH = 1000;

/** JSON round trip: what is hashed is exactly what jsonb will give back (Dates become strings). */
function plain(value: object | null | undefined): Record<string, unknown> | null {
  return value ? (JSON.parse(JSON.stringify(value)) as Record<string, unknown>) : null;
}

@Injectable()
export class AuditTrailService {
  constructor(
    private readonly events: AuditEventRepository,
    private readonly visibility: AuditVisibilityRegistry,
    private readonly tx: TransactionRunner,
  ) {}

  /** Appends to the chain inside the caller's transaction: the change and its trace commit together. */
  async record(db: Db, actor: Actor, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    let prevHash = (await this.events.lockChainHead(db)) ?? GENESIS_HASH;
    const rows: Omit<AuditEventEntity, 'seq'>[] = [];
    for (const record of records) {
      const fields = {
        id: randomUUID(),
        occurredAt: new Date(),
        actorId: actor.userId || null,
        actorUsername: actor.username,
        agencyId: record.agencyId,
        entityType: record.entityType,
        entityId: record.entityId,
        action: record.action,
        before: plain(record.before),
        after: plain(record.after),
        requestId: actor.requestId || null,
        prevHash,
      };
      const hash = hashLink(fields);
      rows.push({ ...fields, hash });
      prevHash = hash;
    }
    await this.events.insert(db, rows);
  }

  /**
   * Admins see every agency; anyone else only their own agency's events. Each event is shown in
   * full only when its reader may see its subject (the subject's domain decides, one lookup per
   * entity type and page); otherwise its content is redacted and the link stays.
   */
  async list(
    actor: Actor,
    filter: AuditEventFilter,
    page: PageRequest,
    order: 'asc' | 'desc',
  ): Promise<Page<AuditEventView>> {
    const scoped: AuditEventFilter = isAdmin(actor) ? filter : { ...filter, agencyId: actor.agencyId ?? '' };
    if (!isAdmin(actor) && filter.agencyId && filter.agencyId !== actor.agencyId) {
      return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
    }
    const db = this.tx.db;
    const [rows, total] = await this.events.findPage(
      db,
      scoped,
      offsetOf(page),
      page.pageSize,
      order === 'asc' ? 'ASC' : 'DESC',
    );
    const visible = await this.visibility.visibleEvents(db, actor, rows);
    return pageOf(rows, total, page, (e) => toView(e, !visible.has(e.id)));
  }

  /** Recomputes the whole chain in order and reports the first broken link. */
  async verify(): Promise<ChainVerification> {
    const verifier = new ChainVerifier();
    let after = '0';
    for (;;) {
      const batch = await this.events.batchAfter(this.tx.db, after, VERIFY_BATCH);
      for (const link of batch) if (!verifier.accept(link)) return verifier.result();
      if (batch.length < VERIFY_BATCH) return verifier.result();
      after = batch[batch.length - 1].seq;
    }
  }
}

function toView(e: AuditEventEntity, redacted: boolean): AuditEventView {
  return {
    id: e.id,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    agencyId: e.agencyId,
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    before: redacted ? null : e.before,
    after: redacted ? null : e.after,
    redacted,
    requestId: e.requestId,
    hash: e.hash,
    prevHash: e.prevHash,
  };
}
