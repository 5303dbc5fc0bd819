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
import { CORRECTIVE_ACTION_TASK_ATTACHMENTS } from './corrective-action-task-attachment-subject';
import { CorrectiveActionRepository } from './corrective-action.repository';

/**
 * The evidence files of corrective actions' actions are filed in the trail under the action (the
 * attachment subject): read, like the corrective actions themselves, by members of the agency who
 * read nonconformities; never by a system admin or the overseer.
 */
@Injectable()
@AuditVisibilityOf(CORRECTIVE_ACTION_TASK_ATTACHMENTS)
export class CorrectiveActionTaskAuditVisibility implements AuditVisibility {
  constructor(private readonly repository: CorrectiveActionRepository) {}

  visibleSubjects(
    _db: Db,
    actor: Actor,
    _entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, Permission.NonconformityRead, subjects, false);
  }

  /** An action by its description. */
  subjectNames(db: Db, _entityType: string, entityIds: readonly string[]): Promise<(string | null)[]> {
    return namesByUuid(entityIds, async (ids) =>
      (await this.repository.taskNamesOf(db, ids)).map(
        (t) => [t.id, `Hành động khắc phục "${t.description}"`] as const,
      ),
    );
  }
}
