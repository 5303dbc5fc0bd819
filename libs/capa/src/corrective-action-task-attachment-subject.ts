import { Injectable } from '@nestjs/common';
import {
  AttachmentOwner,
  AttachmentSubjectOf,
  AttachmentSubject,
  AttachmentSubjectRef,
  WritableSubject,
} from '@eiso/attachments';
import { Actor, DomainException, ErrorCode, hasPermission, Permission } from '@eiso/common';
import { Db } from '@eiso/database';
import { CorrectiveActionFinder } from './corrective-action-finder';
import { assertActionsEditable } from './corrective-action-state-machine';
import { CorrectiveActionTaskEntity } from './corrective-action-task.entity';
import { CORRECTIVE_ACTION_MESSAGES } from './corrective-action.messages';
import { CorrectiveActionRepository } from './corrective-action.repository';

/** The attachment subject type of an action's evidence files (and the audit entity type of their events). */
export const CORRECTIVE_ACTION_TASK_ATTACHMENTS = 'corrective_action_task';

export function correctiveActionTaskFiles(taskId: string): AttachmentSubjectRef {
  return { type: CORRECTIVE_ACTION_TASK_ATTACHMENTS, id: taskId };
}

/**
 * Who sees and changes an action's evidence: corrective actions are agency-internal (404 across
 * agencies); files are added or removed while the action is not done, of the current round, and
 * the corrective action still takes changes to its actions (open, planned, in progress), by the
 * action's owner or someone who manages corrective actions. Done, the evidence is what was reported.
 */
@Injectable()
@AttachmentSubjectOf(CORRECTIVE_ACTION_TASK_ATTACHMENTS)
export class CorrectiveActionTaskAttachmentSubject implements AttachmentSubject {
  // The capa domain keeps its rows with the old agency on a merger: the evidence stays with them.
  readonly onAgencyTransfer = 'keep' as const;
  readonly errors = {
    fileNotFound: ErrorCode.CorrectiveActionFileNotFound,
    fileDeleted: ErrorCode.CorrectiveActionFileNotFound,
  };
  readonly audit = {
    uploaded: 'corrective_action_task_file.uploaded',
    deleted: 'corrective_action_task_file.deleted',
  } as const;

  constructor(
    private readonly finder: CorrectiveActionFinder,
    private readonly repository: CorrectiveActionRepository,
  ) {}

  async findReadable(db: Db, actor: Actor, taskId: string): Promise<AttachmentOwner> {
    const task = await this.finder.taskOf(db, actor, taskId);
    return { agencyId: task.agencyId };
  }

  async findWritable(db: Db, actor: Actor, taskId: string, lock: boolean): Promise<WritableSubject> {
    const unlocked = await this.finder.taskOf(db, actor, taskId);
    // The corrective action's row first, then the action's: the lock order of every capa write.
    const ca = await this.finder.correctiveAction(db, actor, unlocked.correctiveActionId, lock);
    const task = lock ? await this.finder.task(db, ca, taskId, true) : unlocked;
    assertActionsEditable(ca.state);
    if (task.round !== ca.round) throw new DomainException(ErrorCode.CorrectiveActionTaskPastRound);
    assertCanChangeEvidence(actor, task);
    return {
      agencyId: task.agencyId,
      keyPrefix: `agency/${task.agencyId}/corrective-actions/${ca.id}/actions/${task.id}`,
    };
  }
}

/** Evidence changes while the action is not done, by its owner or a manager of corrective actions. */
function assertCanChangeEvidence(actor: Actor, task: CorrectiveActionTaskEntity): void {
  if (task.doneOn !== null) {
    throw new DomainException(ErrorCode.CorrectiveActionTaskDone, {
      message: CORRECTIVE_ACTION_MESSAGES.taskDone(task.description, task.doneOn),
    });
  }
  if (task.ownerId !== actor.userId && !hasPermission(actor.roles, Permission.CorrectiveActionManage)) {
    throw new DomainException(ErrorCode.CorrectiveActionNotActionOwner, {
      message: CORRECTIVE_ACTION_MESSAGES.notActionOwner(task.description),
    });
  }
}
