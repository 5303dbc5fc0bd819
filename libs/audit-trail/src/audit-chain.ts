import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a link's hash covers: everything but its position (seq) and its own hash. */
export interface ChainedFields {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorUsername: string;
  agencyId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  prevHash: string;
}

/**
 * sha256 over a canonical (sorted-key) JSON of the fields, so that jsonb's own key order
 * and whitespace never change the result when the row is read back.
 */
export function hashLink(fields: ChainedFields): string {
  const canonical = stringify({
    id: fields.id,
    occurredAt: fields.occurredAt.toISOString(),
    actorId: fields.actorId,
    actorUsername: fields.actorUsername,
    agencyId: fields.agencyId,
    entityType: fields.entityType,
    entityId: fields.entityId,
    action: fields.action,
    before: fields.before,
    after: fields.after,
    requestId: fields.requestId,
    prevHash: fields.prevHash,
  });
  return createHash('sha256')
    .update(canonical ?? '', 'utf8')
    .digest('hex');
}

export type BrokenLinkReason = 'hash_mismatch' | 'prev_hash_mismatch';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  lastHash: string;
  firstBroken: { seq: string; id: string; reason: BrokenLinkReason } | null;
}

/** Walks links in order; stops at the first one whose content or link to its predecessor is wrong. */
export class ChainVerifier {
  private checked = 0;
  private previousHash = GENESIS_HASH;
  private broken: ChainVerification['firstBroken'] = null;

  /** Returns false once a broken link was found (the caller may stop reading). */
  accept(link: ChainedFields & { seq: string; hash: string }): boolean {
    if (this.broken) return false;
    this.checked += 1;
    if (link.prevHash !== this.previousHash) {
      this.broken = { seq: link.seq, id: link.id, reason: 'prev_hash_mismatch' };
      return false;
    }
    if (hashLink(link) !== link.hash) {
      this.broken = { seq: link.seq, id: link.id, reason: 'hash_mismatch' };
      return false;
    }
    this.previousHash = link.hash;
    return true;
  }

  result(): ChainVerification {
    return { ok: !this.broken, checked: this.checked, lastHash: this.previousHash, firstBroken: this.broken };
  }
}
