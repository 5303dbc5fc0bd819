import { Injectable } from '@nestjs/common';
import { Actor, DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { RiskEntity } from './risk.entity';
import { RiskRepository } from './risk.repository';

/**
 * Loads risks the way every service must: the register is agency-internal, so another agency's
 * risks answer 404 exactly like ones that do not exist.
 */
@Injectable()
export class RiskFinder {
  constructor(private readonly repository: RiskRepository) {}

  async risk(db: Db, actor: Actor, id: string, lock = false): Promise<RiskEntity> {
    const risk = lock
      ? await this.repository.findByIdForUpdate(db, id)
      : await this.repository.findById(db, id);
    if (!risk || !actor.agencyId || risk.agencyId !== actor.agencyId) {
      throw new DomainException(ErrorCode.RiskNotFound);
    }
    return risk;
  }
}

/** The agency whose register the actor works on; none for users outside every agency. */
export function riskAgencyOf(actor: Actor): string {
  if (!actor.agencyId) throw new DomainException(ErrorCode.Forbidden);
  return actor.agencyId;
}
