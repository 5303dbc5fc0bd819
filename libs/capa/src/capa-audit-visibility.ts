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
import { NONCONFORMITY_MESSAGES } from './capa.messages';
import { NonconformityRepository } from './nonconformity.repository';

/** The permission that reads each entity type through the capa routes. */
const READ: Readonly<Record<string, Permission>> = {
  nonconformity: Permission.NonconformityRead,
  corrective_action: Permission.NonconformityRead,
};

/**
 * Nonconformities and corrective actions are agency-internal (DESIGN §13): their trail, like their
 * routes, is for members of the agency who read nonconformities; neither a system admin nor the
 * overseer reads it. An event is filed under its subject's agency, which never changes.
 */
@Injectable()
@AuditVisibilityOf(...Object.keys(READ))
export class CapaAuditVisibility implements AuditVisibility {
  constructor(private readonly nonconformities: NonconformityRepository) {}

  visibleSubjects(
    _db: Db,
    actor: Actor,
    entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, READ[entityType], subjects, false);
  }

  /** A nonconformity by its number and title, a corrective action by its nonconformity's number. */
  subjectNames(db: Db, entityType: string, entityIds: readonly string[]): Promise<(string | null)[]> {
    return namesByUuid(entityIds, async (ids): Promise<(readonly [string, string])[]> => {
      if (entityType === 'nonconformity') {
        return (await this.nonconformities.namesOf(db, ids)).map((n) => [
          n.id,
          NONCONFORMITY_MESSAGES.name(n.serial, n.year, n.title),
        ]);
      }
      return (await this.nonconformities.actionNamesOf(db, ids)).map((a) => [
        a.id,
        NONCONFORMITY_MESSAGES.actionName(a.serial, a.year),
      ]);
    });
  }
}
