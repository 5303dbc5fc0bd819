import { Injectable } from '@nestjs/common';
import { Actor, Permission } from '@eiso/common';
import {
  AuditSubject,
  AuditVisibility,
  AuditVisibilityOf,
  namesByUuid,
  visibleByPermission,
} from '@eiso/audit-trail';
import { Db } from '@eiso/database';
import { CONFORMITY_MESSAGES } from './conformity.messages';
import { DeclarationKind } from './declaration-state';
import { DeclarationRepository } from './declaration.repository';

/**
 * A declaration's trail is its agency's (drafts included), for members who read declarations; the
 * overseer reads the declarations themselves, not the agency's trail of preparing them.
 */
@Injectable()
@AuditVisibilityOf('conformity_declaration')
export class DeclarationAuditVisibility implements AuditVisibility {
  constructor(private readonly repository: DeclarationRepository) {}

  visibleSubjects(
    _db: Db,
    actor: Actor,
    _entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, Permission.ConformityRead, subjects, false);
  }

  /** "Quyết định công bố số 03/QĐ-STP", or the draft's kind. */
  subjectNames(db: Db, _entityType: string, entityIds: readonly string[]): Promise<(string | null)[]> {
    return namesByUuid(entityIds, async (ids): Promise<(readonly [string, string])[]> =>
      (await this.repository.namesOf(db, ids)).map((r) => [
        r.id,
        CONFORMITY_MESSAGES.name(r.number, r.kind as DeclarationKind),
      ]),
    );
  }
}
