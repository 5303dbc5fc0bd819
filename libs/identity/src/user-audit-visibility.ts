import { Injectable } from '@nestjs/common';
import { Actor, Permission } from '@eiso/common';
import { AuditSubject, AuditVisibility, AuditVisibilityOf, visibleByPermission } from '@eiso/audit-trail';
import { Db } from '@eiso/database';

/**
 * Accounts' trail (creation, edits, logins, lockouts) is read by who may read accounts: a system
 * admin everywhere, holders of `user.read` in their own agency.
 */
@Injectable()
@AuditVisibilityOf('user')
export class UserAuditVisibility implements AuditVisibility {
  visibleSubjects(
    _db: Db,
    actor: Actor,
    _entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, Permission.UserRead, subjects, true);
  }
}
