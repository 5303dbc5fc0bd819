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
import { OBJECTIVE_MESSAGES } from './objectives.messages';
import { ObjectiveRepository } from './objective.repository';

/**
 * Objectives are agency-internal: their trail is for members of the agency who read objectives;
 * neither a system admin nor the overseer reads it.
 */
@Injectable()
@AuditVisibilityOf('objective', 'objective_measurement')
export class ObjectivesAuditVisibility implements AuditVisibility {
  constructor(private readonly objectives: ObjectiveRepository) {}

  visibleSubjects(
    _db: Db,
    actor: Actor,
    _entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, Permission.ObjectiveRead, subjects, false);
  }

  subjectNames(db: Db, entityType: string, entityIds: readonly string[]): Promise<(string | null)[]> {
    return namesByUuid(entityIds, async (ids): Promise<(readonly [string, string])[]> => {
      if (entityType === 'objective') {
        return (await this.objectives.namesOf(db, ids)).map((o) => [
          o.id,
          OBJECTIVE_MESSAGES.name(o.year, o.statement),
        ]);
      }
      return (await this.objectives.measurementNamesOf(db, ids)).map((m) => [
        m.id,
        OBJECTIVE_MESSAGES.measurementName(m.period, m.statement),
      ]);
    });
  }
}
