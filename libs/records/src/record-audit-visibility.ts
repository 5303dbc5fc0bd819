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
import { DisposalRepository } from './disposal.repository';
import { RecordTypeRepository } from './record-type.repository';
import { RecordRepository } from './record.repository';
import { RECORD_MESSAGES } from './records.messages';

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
  constructor(
    private readonly records: RecordRepository,
    private readonly types: RecordTypeRepository,
    private readonly disposals: DisposalRepository,
  ) {}

  visibleSubjects(
    _db: Db,
    actor: Actor,
    entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, READ[entityType], subjects, false);
  }

  /** A record by its reference (số, ký hiệu) and title, a type by code and name, a disposal by number. */
  subjectNames(db: Db, entityType: string, entityIds: readonly string[]): Promise<(string | null)[]> {
    return namesByUuid(entityIds, async (ids): Promise<(readonly [string, string])[]> => {
      switch (entityType) {
        case 'record':
          return (await this.records.namesOf(db, ids)).map((r) => [
            r.id,
            r.reference ? `${r.reference} — ${r.title}` : r.title,
          ]);
        case 'record_type':
          return (await this.types.namesOf(db, ids)).map((t) => [t.id, `${t.code} — ${t.name}`]);
        default:
          return (await this.disposals.numbersOf(db, ids)).map((d) => [
            d.id,
            RECORD_MESSAGES.disposalName(d.number),
          ]);
      }
    });
  }
}
