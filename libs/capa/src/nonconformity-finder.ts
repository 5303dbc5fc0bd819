import { Injectable } from '@nestjs/common';
import { Actor, DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { NonconformityEntity } from './nonconformity.entity';
import { NonconformityRepository } from './nonconformity.repository';

/**
 * Loads nonconformities the way every service must: they are agency-internal, so another
 * agency's answer 404 exactly like ones that do not exist.
 */
@Injectable()
export class NonconformityFinder {
  constructor(private readonly repository: NonconformityRepository) {}

  async nonconformity(db: Db, actor: Actor, id: string, lock = false): Promise<NonconformityEntity> {
    const nc = lock
      ? await this.repository.findByIdForUpdate(db, id)
      : await this.repository.findById(db, id);
    if (!nc || !actor.agencyId || nc.agencyId !== actor.agencyId) {
      throw new DomainException(ErrorCode.NonconformityNotFound);
    }
    return nc;
  }
}

/** The agency whose nonconformities the actor works on; none for users outside every agency. */
export function capaAgencyOf(actor: Actor): string {
  if (!actor.agencyId) throw new DomainException(ErrorCode.Forbidden);
  return actor.agencyId;
}
