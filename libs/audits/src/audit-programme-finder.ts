import { Injectable } from '@nestjs/common';
import { Actor, DomainException, ErrorCode } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { auditReadableBy } from './audit-finder';
import { AuditProgrammeEntity } from './audit-programme.entity';
import { AuditProgrammeRepository } from './audit-programme.repository';

/**
 * Loads audit programmes the way every service must, with the audits' rule (same agency,
 * AuditRead): another agency's programme answers 404 exactly like one that does not exist.
 */
@Injectable()
export class AuditProgrammeFinder {
  constructor(
    private readonly programmes: AuditProgrammeRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /** The programme as the actor may see it; 404 AUDIT_PROGRAMME_NOT_FOUND otherwise. */
  async findReadable(actor: Actor, id: string, db: Db = this.tx.db): Promise<AuditProgrammeEntity> {
    return visible(actor, await this.programmes.findById(db, id));
  }

  /** Locked for update (SELECT … FOR UPDATE), same visibility. */
  async findForUpdate(db: Db, actor: Actor, id: string): Promise<AuditProgrammeEntity> {
    return visible(actor, await this.programmes.findByIdForUpdate(db, id));
  }
}

function visible(actor: Actor, programme: AuditProgrammeEntity | null): AuditProgrammeEntity {
  if (!programme || !auditReadableBy(actor, programme)) {
    throw new DomainException(ErrorCode.AuditProgrammeNotFound);
  }
  return programme;
}
