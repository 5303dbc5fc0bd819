import { Injectable } from '@nestjs/common';
import { Actor, DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { CorrectiveActionTaskEntity } from './corrective-action-task.entity';
import { CorrectiveActionEntity } from './corrective-action.entity';
import { CorrectiveActionRepository } from './corrective-action.repository';

/**
 * Loads corrective actions and their actions the way every service must. They are agency-internal:
 * another agency's answer 404 exactly like ones that do not exist.
 */
@Injectable()
export class CorrectiveActionFinder {
  constructor(private readonly repository: CorrectiveActionRepository) {}

  async correctiveAction(db: Db, actor: Actor, id: string, lock = false): Promise<CorrectiveActionEntity> {
    const ca = lock
      ? await this.repository.findByIdForUpdate(db, id)
      : await this.repository.findById(db, id);
    if (!ca || !ownAgency(actor, ca.agencyId)) throw new DomainException(ErrorCode.CorrectiveActionNotFound);
    return ca;
  }

  /** An action of the corrective action (already found for the actor). */
  async task(
    db: Db,
    ca: CorrectiveActionEntity,
    taskId: string,
    lock = false,
  ): Promise<CorrectiveActionTaskEntity> {
    const task = await this.repository.task(db, ca.id, taskId, lock);
    if (!task) throw new DomainException(ErrorCode.CorrectiveActionTaskNotFound);
    return task;
  }

  /** An action by id alone, as the actor may see it (the files' subject). */
  async taskOf(db: Db, actor: Actor, taskId: string): Promise<CorrectiveActionTaskEntity> {
    const task = await this.repository.taskById(db, taskId);
    if (!task || !ownAgency(actor, task.agencyId))
      throw new DomainException(ErrorCode.CorrectiveActionTaskNotFound);
    return task;
  }
}

function ownAgency(actor: Actor, agencyId: string): boolean {
  return !!actor.agencyId && actor.agencyId === agencyId;
}
