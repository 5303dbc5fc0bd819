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
import { UserRepository } from './user.repository';

/**
 * Accounts' trail (creation, edits, logins, lockouts) is read by who may read accounts: a system
 * admin everywhere, holders of `user.read` in their own agency. An account is named by its
 * holder's full name and login.
 */
@Injectable()
@AuditVisibilityOf('user')
export class UserAuditVisibility implements AuditVisibility {
  constructor(private readonly users: UserRepository) {}

  visibleSubjects(
    _db: Db,
    actor: Actor,
    _entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, Permission.UserRead, subjects, true);
  }

  subjectNames(db: Db, _entityType: string, entityIds: readonly string[]): Promise<(string | null)[]> {
    return namesByUuid(entityIds, async (ids) =>
      (await this.users.namesOf(db, ids)).map((u) => [u.id, `${u.fullName} (${u.username})`] as const),
    );
  }
}
