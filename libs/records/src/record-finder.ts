import { Injectable } from '@nestjs/common';
import { Actor, DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { DisposalEntity } from './disposal.entity';
import { DisposalRepository } from './disposal.repository';
import { RecordTypeEntity } from './record-type.entity';
import { RecordTypeRepository } from './record-type.repository';
import { RecordEntity } from './record.entity';
import { RecordRepository } from './record.repository';

/**
 * Loads record types, records and disposal batches the way every service must. Records are
 * agency-internal: another agency's items answer 404 exactly like items that do not exist.
 */
@Injectable()
export class RecordFinder {
  constructor(
    private readonly types: RecordTypeRepository,
    private readonly records: RecordRepository,
    private readonly disposals: DisposalRepository,
  ) {}

  async recordType(db: Db, actor: Actor, id: string, lock = false): Promise<RecordTypeEntity> {
    const type = lock ? await this.types.findByIdForUpdate(db, id) : await this.types.findById(db, id);
    if (!type || !ownAgency(actor, type.agencyId)) throw new DomainException(ErrorCode.RecordTypeNotFound);
    return type;
  }

  async record(db: Db, actor: Actor, id: string, lock = false): Promise<RecordEntity> {
    const record = lock ? await this.records.findByIdForUpdate(db, id) : await this.records.findById(db, id);
    if (!record || !ownAgency(actor, record.agencyId)) throw new DomainException(ErrorCode.RecordNotFound);
    return record;
  }

  async disposal(db: Db, actor: Actor, id: string, lock = false): Promise<DisposalEntity> {
    const disposal = lock
      ? await this.disposals.findByIdForUpdate(db, id)
      : await this.disposals.findById(db, id);
    if (!disposal || !ownAgency(actor, disposal.agencyId))
      throw new DomainException(ErrorCode.DisposalNotFound);
    return disposal;
  }
}

/** The agency whose records the actor works on; none for users outside every agency. */
export function agencyOf(actor: Actor): string {
  if (!actor.agencyId) throw new DomainException(ErrorCode.Forbidden);
  return actor.agencyId;
}

function ownAgency(actor: Actor, agencyId: string): boolean {
  return !!actor.agencyId && actor.agencyId === agencyId;
}
