import { Injectable } from '@nestjs/common';
import { Actor, Permission } from '@eiso/common';
import { AuditSubject, AuditVisibility, AuditVisibilityOf, visibleByPermission } from '@eiso/audit-trail';
import { Db } from '@eiso/database';

/** The permission that reads each entity type through the records routes. */
const READ: Readonly<Record<string, Permission>> = {
  record: Permission.RecordRead,
  record_type: Permission.RecordRead,
  disposal: Permission.DisposalRead,
};

/**
 * Records are agency-internal (DESIGN §13): their trail, like their routes, is for members of the
 * agency holding the permission that reads them; neither a system admin nor the overseer reads it.
 * An event is filed under its subject's agency, which never changes.
 */
@Injectable()
@AuditVisibilityOf(...Object.keys(READ))
export class RecordAuditVisibility implements AuditVisibility {
  visibleSubjects(
    _db: Db,
    actor: Actor,
    entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, READ[entityType], subjects, false);
  }
}
