import { Injectable } from '@nestjs/common';
import { Actor, DomainException, ErrorCode, hasPermission, Permission } from '@eiso/common';
import { Db } from '@eiso/database';
import { DeclarationState } from './declaration-state';
import { ConformityDeclarationEntity } from './declaration.entity';
import { DeclarationRepository } from './declaration.repository';

/**
 * Loads a declaration the way every service must: members of its agency see it in every state;
 * the overseer sees every agency's once signed, never a draft; to anyone else it does not exist
 * (404, like an unknown id).
 */
@Injectable()
export class DeclarationFinder {
  constructor(private readonly repository: DeclarationRepository) {}

  async declaration(db: Db, actor: Actor, id: string, lock = false): Promise<ConformityDeclarationEntity> {
    const found = lock
      ? await this.repository.findByIdForUpdate(db, id)
      : await this.repository.findById(db, id);
    if (!found || !canSee(actor, found)) throw new DomainException(ErrorCode.ConformityDeclarationNotFound);
    return found;
  }
}

export function canSee(actor: Actor, d: Pick<ConformityDeclarationEntity, 'agencyId' | 'state'>): boolean {
  if (
    actor.agencyId &&
    d.agencyId === actor.agencyId &&
    hasPermission(actor.roles, Permission.ConformityRead)
  ) {
    return true;
  }
  return d.state !== DeclarationState.Draft && hasPermission(actor.roles, Permission.ConformityOversee);
}

/** The agency whose declarations the actor drafts or signs. */
export function declaringAgencyOf(actor: Actor): string {
  if (!actor.agencyId) throw new DomainException(ErrorCode.Forbidden);
  return actor.agencyId;
}
