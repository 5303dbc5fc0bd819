import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, todayInVietnam } from '@eiso/common';
import { assertVersion, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { UserDirectory } from '@eiso/identity';
import {
  assertCanClose,
  assertIsAssignedVerifier,
  assertReason,
  assertVerifierOwnsNoAction,
} from './corrective-action-duties';
import { CorrectiveActionFinder } from './corrective-action-finder';
import { CorrectiveActionNotifier } from './corrective-action-notifier';
import { CorrectiveActionTransition, nextCorrectiveActionState } from './corrective-action-state-machine';
import { CorrectiveActionVerificationEntity } from './corrective-action-verification.entity';
import { CorrectiveActionRepository } from './corrective-action.repository';
import { CorrectiveActionView } from './corrective-action.views';
import { CorrectiveActionsService } from './corrective-actions.service';

export interface VerifyCorrectiveActionInput {
  effective: boolean;
  /** Required (non-empty) when not effective. */
  reason?: string | null;
}

/**
 * The effectiveness check (ISO 9001 10.2.1 d): by the assigned verifier, who owns no action of the
 * corrective action in any round, while it is `verifying`. Effective closes it — not before the
 * check is due, nor while a linked document has no newer issue in force — and its nonconformity
 * with it; not effective sends it back to `in_progress` for a new round, the reason kept.
 */
@Injectable()
export class CorrectiveActionVerificationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: CorrectiveActionRepository,
    private readonly finder: CorrectiveActionFinder,
    private readonly correctiveActions: CorrectiveActionsService,
    private readonly users: UserDirectory,
    private readonly notifier: CorrectiveActionNotifier,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async verify(
    actor: Actor,
    id: string,
    input: VerifyCorrectiveActionInput,
    expectedVersion?: number,
  ): Promise<CorrectiveActionView> {
    return this.tx.run(async (db) => {
      const ca = await this.finder.correctiveAction(db, actor, id, true);
      assertVersion(ca, expectedVersion);
      const transition = input.effective
        ? CorrectiveActionTransition.Close
        : CorrectiveActionTransition.Reopen;
      const from = ca.state;
      const to = nextCorrectiveActionState(from, transition);
      assertIsAssignedVerifier(actor.userId, ca.verifierId);
      const tasks = await this.repository.tasks(db, ca.id);
      const me = await this.users.cardOf(actor.userId, db);
      assertVerifierOwnsNoAction(actor.userId, tasks, me?.fullName);
      const reason = assertReason(input.effective, input.reason);
      const now = this.clock.now();
      if (input.effective) {
        assertCanClose({
          verificationDue: ca.verificationDue,
          today: todayInVietnam(now),
          documents: await this.correctiveActions.revisionsOf(db, tasks),
        });
      }
      const checked = ca.round;
      const verification: CorrectiveActionVerificationEntity = {
        id: randomUUID(),
        correctiveActionId: ca.id,
        agencyId: ca.agencyId,
        round: checked,
        verifierId: actor.userId,
        effective: input.effective,
        reason,
        verifiedAt: now,
      };
      await this.repository.insertVerification(db, verification);
      const dueBefore = ca.verificationDue;
      ca.state = to;
      if (input.effective) {
        ca.closedAt = now;
        await this.repository.closeNonconformity(db, ca.nonconformityId, now);
      } else {
        ca.round = checked + 1;
        ca.verificationDue = null;
      }
      await this.repository.save(db, ca, now);
      const trail = { agencyId: ca.agencyId, entityType: 'corrective_action', entityId: ca.id } as const;
      await this.auditTrail.record(db, actor, {
        ...trail,
        action: 'corrective_action.verified',
        after: { verificationId: verification.id, round: checked, effective: input.effective, reason },
      });
      await this.auditTrail.record(db, actor, {
        ...trail,
        action: input.effective ? 'corrective_action.closed' : 'corrective_action.reopened',
        before: { state: from, round: checked, verificationDue: dueBefore },
        after: input.effective
          ? { state: ca.state, nonconformityId: ca.nonconformityId, nonconformityState: 'closed' }
          : { state: ca.state, round: ca.round, reason },
      });
      const number = await this.correctiveActions.numberOf(db, ca);
      const by = me?.fullName ?? actor.username;
      const ownerIds = tasks.filter((t) => t.round === checked).map((t) => t.ownerId);
      await this.notifier.notify(
        db,
        ca,
        number,
        actor.userId,
        input.effective
          ? { kind: 'closed', ownerIds, by }
          : { kind: 'reopened', failedRound: checked, ownerIds, reason, by },
      );
      return this.correctiveActions.view(db, ca);
    });
  }
}
