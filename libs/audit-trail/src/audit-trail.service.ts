import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, isAdmin, Page, PageRequest, offsetOf, pageOf } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { AuditAction, auditActionLabel } from './audit-actions';
import { BrokenLinkReason, ChainVerification, ChainVerifier, GENESIS_HASH, hashLink } from './audit-chain';
import { AuditEventEntity } from './audit-event.entity';
import { AuditEventFilter, AuditEventRepository } from './audit-event.repository';
import { AuditVisibilityRegistry } from './audit-visibility.registry';

/** What a service reports about a change; actor, time and chain fields are added here. */
export interface AuditRecord {
  agencyId: string | null;
  entityType: string;
  entityId: string;
  /** One of AUDIT_ACTION_LABELS: a new action gets its Vietnamese label there. */
  action: AuditAction;
  before?: object | null;
  after?: object | null;
}

export interface AuditEventView {
  id: string;
  seq: string;
  occurredAt: string;
  actorId: string | null;
  actorUsername: string;
  /** The actor's full name; null for the system itself or an account that no longer exists. */
  actorName: string | null;
  agencyId: string | null;
  entityType: string;
  entityId: string;
  /**
   * What its subject is called (`QT-HT-01 — Quy trình…`, `Nguyễn Văn A (nva)`); null when the
   * event is redacted, since a name would tell what the reader may not see.
   */
  subjectName: string | null;
  action: string;
  /** The action in Vietnamese (`Ban hành tài liệu`). */
  actionLabel: string;
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

/**
 * The chain's integrity as its reader may learn it. The chain is one for every agency, so it is
 * always walked whole; a system admin learns everything (`scope: 'all'`), anyone else whether it
 * is intact, how many of their agency's links were checked, and where it broke only when the
 * broken link is their agency's own (`scope: 'agency'`).
 */
export interface ChainVerificationView {
  ok: boolean;
  scope: 'all' | 'agency';
  /** Links checked: all of them, or the reader's agency's. */
  checked: number;
  /** Hash of the last intact link: of the chain, or of the reader's agency's (null if none). */
  lastHash: string | null;
  firstBroken: {
    seq: string | null;
    id: string | null;
    reason: BrokenLinkReason;
    /** false: another agency's link, or the system's; its position is not told. */
    inScope: boolean;
  } | null;
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
    private readonly clock: Clock,
  ) {}

  /** Appends to the chain inside the caller's transaction: the change and its trace commit together. */
  async record(db: Db, actor: Actor, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    let prevHash = (await this.events.lockChainHead(db)) ?? GENESIS_HASH;
    const rows: Omit<AuditEventEntity, 'seq'>[] = [];
    const occurredAt = this.clock.now();
    for (const record of records) {
      const fields = {
        id: randomUUID(),
        occurredAt,
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
   * entity type and page); otherwise its content and its subject's name are redacted and the link
   * stays. Every event carries its action in Vietnamese and its actor's name.
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
    const subjects = await this.visibility.subjectNames(
      db,
      rows.filter((e) => visible.has(e.id)),
    );
    const actors = await this.visibility.actorNames(
      db,
      rows.flatMap((e) => (e.actorId ? [e.actorId] : [])),
    );
    return pageOf(rows, total, page, (e) =>
      toView(e, {
        redacted: !visible.has(e.id),
        subjectName: subjects.get(e.id) ?? null,
        actorName: (e.actorId && actors.get(e.actorId)) || null,
      }),
    );
  }

  /** Recomputes the whole chain in order and reports the first broken link (nightly job, admin). */
  async verify(): Promise<ChainVerification> {
    return (await this.walkChain()).result;
  }

  /** Recomputes the whole chain and reports what `actor` may learn of it (ChainVerificationView). */
  async verifyFor(actor: Actor): Promise<ChainVerificationView> {
    if (isAdmin(actor)) {
      const result = await this.verify();
      return {
        ...result,
        scope: 'all',
        firstBroken: result.firstBroken && { ...result.firstBroken, inScope: true },
      };
    }
    const own = (link: AuditEventEntity) => !!actor.agencyId && link.agencyId === actor.agencyId;
    let checked = 0;
    let lastHash: string | null = null;
    const { result, broken } = await this.walkChain((link) => {
      if (!own(link)) return;
      checked += 1;
      lastHash = link.hash;
    });
    const mine = !!broken && own(broken);
    return {
      ok: result.ok,
      scope: 'agency',
      checked,
      lastHash,
      firstBroken: result.firstBroken && {
        seq: mine ? result.firstBroken.seq : null,
        id: mine ? result.firstBroken.id : null,
        reason: result.firstBroken.reason,
        inScope: mine,
      },
    };
  }

  /** Walks the chain in keyset batches (bounded memory); `onIntact` sees every link that verified. */
  private async walkChain(
    onIntact?: (link: AuditEventEntity) => void,
  ): Promise<{ result: ChainVerification; broken: AuditEventEntity | null }> {
    const verifier = new ChainVerifier();
    let after = '0';
    for (;;) {
      const batch = await this.events.batchAfter(this.tx.db, after, VERIFY_BATCH);
      for (const link of batch) {
        if (!verifier.accept(link)) return { result: verifier.result(), broken: link };
        onIntact?.(link);
      }
      if (batch.length < VERIFY_BATCH) return { result: verifier.result(), broken: null };
      after = batch[batch.length - 1].seq;
    }
  }
}

function toView(
  e: AuditEventEntity,
  shown: { redacted: boolean; subjectName: string | null; actorName: string | null },
): AuditEventView {
  return {
    id: e.id,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    actorName: shown.actorName,
    agencyId: e.agencyId,
    entityType: e.entityType,
    entityId: e.entityId,
    subjectName: shown.redacted ? null : shown.subjectName,
    action: e.action,
    actionLabel: auditActionLabel(e.action),
    before: shown.redacted ? null : e.before,
    after: shown.redacted ? null : e.after,
    redacted: shown.redacted,
    requestId: e.requestId,
    hash: e.hash,
    prevHash: e.prevHash,
  };
}
