import { Injectable } from '@nestjs/common';
import { Actor, DomainException, ErrorCode, hasPermission, Permission } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { AuditEntity } from './audit.entity';
import { AuditRepository } from './audit.repository';

/**
 * Loads audits the way every service must: audits are agency-internal, read with AuditRead;
 * another agency's audit answers 404 exactly like one that does not exist.
 */
@Injectable()
export class AuditFinder {
  constructor(
    private readonly audits: AuditRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /** The audit as the actor may see it (same agency, AuditRead); 404 AUDIT_NOT_FOUND otherwise. */
  async findReadable(actor: Actor, auditId: string, db: Db = this.tx.db): Promise<AuditEntity> {
    const audit = await this.audits.findById(db, auditId);
    return visible(actor, audit);
  }

  /** Locked for update (SELECT … FOR UPDATE), same visibility. */
  async findForUpdate(db: Db, actor: Actor, auditId: string): Promise<AuditEntity> {
    const audit = await this.audits.findByIdForUpdate(db, auditId);
    return visible(actor, audit);
  }
}

function visible(actor: Actor, audit: AuditEntity | null): AuditEntity {
  if (!audit || !auditReadableBy(actor, audit)) throw new DomainException(ErrorCode.AuditNotFound);
  return audit;
}

/**
 * The visibility rule of audits and audit programmes: agency-internal, read with AuditRead (the
 * finders answer 404 for the rest).
 */
export function auditReadableBy(actor: Actor, row: { agencyId: string }): boolean {
  return (
    !!actor.agencyId && actor.agencyId === row.agencyId && hasPermission(actor.roles, Permission.AuditRead)
  );
}

/** The agency whose audits the actor works on; none for users outside every agency. */
export function auditAgencyOf(actor: Actor): string {
  if (!actor.agencyId) throw new DomainException(ErrorCode.Forbidden);
  return actor.agencyId;
}
