import { addDays, DomainException, ErrorCode, hasPermission, Permission, Role } from '@eiso/common';
import { CorrectiveActionState } from './capa-state';
import { CORRECTIVE_ACTION_MESSAGES as M } from './corrective-action.messages';

/**
 * The rules of who does what on a corrective action (ISO 9001 10.2, DESIGN §6), pure: the
 * effectiveness check is made by someone independent of the work, only the owner reports an
 * action done, and the check cannot close the loop early or before a linked document is revised.
 */

/** Roles that hold CorrectiveActionVerify: whom a corrective action may name as its verifier. */
export const VERIFIER_ROLES: readonly Role[] = [Role.Auditor, Role.IsoSecretary, Role.Approver];

/** What the rules need to know of a person (a UserCard). */
export interface Person {
  id: string;
  fullName: string;
  agencyId: string | null;
  roles: readonly Role[];
  active: boolean;
}

/** What the rules need to know of an action. */
export interface ActionFacts {
  id: string;
  round: number;
  position: number;
  description: string;
  ownerId: string;
  dueDate: string;
  doneOn: string | null;
  documentId: string | null;
  documentIssueAtRaise: number | null;
}

/** The verifier: an active account of the agency holding a role that verifies. */
export function assertVerifierEligible(person: Person | null | undefined, agencyId: string): void {
  if (!person || person.agencyId !== agencyId || !person.active) {
    throw new DomainException(ErrorCode.CorrectiveActionVerifierNotEligible);
  }
  if (!person.roles.some((r) => VERIFIER_ROLES.includes(r))) {
    throw new DomainException(ErrorCode.CorrectiveActionVerifierNotEligible, {
      message: M.verifierWithoutRole(person.fullName),
    });
  }
}

/**
 * An action's owner: an active account of the agency whose roles hold CorrectiveActionWork (the
 * owner must be able to report the action done and add evidence; an overseer or an admin attached
 * to the agency cannot).
 */
export function assertOwnerEligible(person: Person | null | undefined, agencyId: string): void {
  if (
    !person ||
    person.agencyId !== agencyId ||
    !person.active ||
    !hasPermission(person.roles, Permission.CorrectiveActionWork)
  ) {
    throw new DomainException(ErrorCode.CorrectiveActionOwnerNotEligible);
  }
}

/**
 * Independence of the check: the verifier owns no action of the corrective action, in any round.
 * Checked when a verifier is named, when an action is given an owner, and when the check is made.
 */
export function assertVerifierOwnsNoAction(
  verifierId: string | null,
  actions: readonly Pick<ActionFacts, 'ownerId' | 'description'>[],
  verifierName?: string,
): void {
  if (!verifierId) return;
  const owned = actions.filter((a) => a.ownerId === verifierId);
  if (owned.length) {
    throw new DomainException(ErrorCode.CorrectiveActionSelfVerification, {
      verifierId,
      message: M.selfVerification(
        verifierName ?? null,
        owned.map((a) => a.description),
      ),
    });
  }
}

/** Only the verifier the corrective action names records the check. */
export function assertIsAssignedVerifier(actorId: string, verifierId: string | null): void {
  if (verifierId !== actorId) {
    throw new DomainException(ErrorCode.CorrectiveActionNotVerifier, {
      message: verifierId ? undefined : M.noVerifierAssigned,
    });
  }
}

/** Only the action's owner reports it done. */
export function assertIsActionOwner(
  actorId: string,
  action: Pick<ActionFacts, 'ownerId' | 'description'>,
): void {
  if (action.ownerId !== actorId) {
    throw new DomainException(ErrorCode.CorrectiveActionNotActionOwner, {
      message: M.notActionOwner(action.description),
    });
  }
}

/** A due date is today or later (Vietnam calendar). */
export function assertDueDate(dueDate: string, today: string): void {
  if (dueDate < today) {
    throw new DomainException(ErrorCode.CorrectiveActionDueDatePast, {
      dueDate,
      message: M.dueDatePast(dueDate, today),
    });
  }
}

/** The done date: not after today, not before the day the action was given (Vietnam calendar). */
export function assertDoneOn(doneOn: string, today: string, raisedOn: string): void {
  if (doneOn > today) {
    throw new DomainException(ErrorCode.CorrectiveActionDoneDateInvalid, {
      doneOn,
      message: M.doneInFuture(doneOn),
    });
  }
  if (doneOn < raisedOn) {
    throw new DomainException(ErrorCode.CorrectiveActionDoneDateInvalid, {
      doneOn,
      message: M.doneBeforeRaised(doneOn, raisedOn),
    });
  }
}

/** The effectiveness check falls due `delayDays` after the last done date of the round. */
export function verificationDueOf(doneDates: readonly string[], delayDays: number): string {
  if (!doneDates.length) throw new Error('verificationDueOf needs at least one done date');
  const last = [...doneDates].sort().at(-1)!;
  return addDays(last, delayDays);
}

/**
 * While the check waits (verifying) its delay may grow, never shrink: a shorter delay would bring
 * the check forward after the work was reported done.
 */
export function assertDelayNotShortened(
  ca: { state: CorrectiveActionState; verificationDelayDays: number; verificationDue: string | null },
  delayDays: number,
): void {
  if (ca.state !== CorrectiveActionState.Verifying || delayDays >= ca.verificationDelayDays) return;
  throw new DomainException(ErrorCode.CorrectiveActionDelayLocked, {
    verificationDelayDays: ca.verificationDelayDays,
    verificationDue: ca.verificationDue,
    message: M.delayLocked(ca.verificationDue ?? ''),
  });
}

/** Whether every action of the round is done, and there is at least one. */
export function roundComplete(
  actions: readonly Pick<ActionFacts, 'round' | 'doneOn'>[],
  round: number,
): boolean {
  const current = actions.filter((a) => a.round === round);
  return current.length > 0 && current.every((a) => a.doneOn !== null);
}

export type PlanGap = 'rootCause' | 'actions' | 'verifier';

/** What the plan lacks: a root cause, an action in the current round, a verifier (correction may be "không cần"). */
export function planGaps(
  ca: { rootCause: string | null; verifierId: string | null; round: number },
  actions: readonly Pick<ActionFacts, 'round'>[],
): PlanGap[] {
  const gaps: PlanGap[] = [];
  if (!ca.rootCause?.trim()) gaps.push('rootCause');
  if (!actions.some((a) => a.round === ca.round)) gaps.push('actions');
  if (!ca.verifierId) gaps.push('verifier');
  return gaps;
}

export function assertPlanComplete(
  ca: { rootCause: string | null; verifierId: string | null; round: number },
  actions: readonly Pick<ActionFacts, 'round'>[],
): void {
  const missing = planGaps(ca, actions);
  if (missing.length) {
    throw new DomainException(ErrorCode.CorrectiveActionPlanIncomplete, {
      missing,
      message: M.planIncomplete(missing),
    });
  }
}

/** A linked document and whether it has been revised since its action was raised. */
export interface DocumentRevision {
  documentId: string;
  code: string;
  title: string;
  /** The issue in force when the action was raised (null: none). */
  issueAtRaise: number | null;
  /** The issue in force now (null: none). */
  issueInForce: number | null;
  revised: boolean;
  /** The document was withdrawn since: nothing left to revise, it counts as settled. */
  withdrawn: boolean;
}

/** Settled: revised since the action was raised, or withdrawn. */
export function documentSettled(d: Pick<DocumentRevision, 'revised' | 'withdrawn'>): boolean {
  return d.revised || d.withdrawn;
}

/**
 * Each document the actions (every round) point at, once: revised when the issue in force now is
 * newer than the one in force when the action was raised (the lowest, when several actions name it);
 * withdrawn when the document was withdrawn since (settled too: no issue will come).
 */
export function documentRevisions(
  actions: readonly Pick<ActionFacts, 'documentId' | 'documentIssueAtRaise'>[],
  inForce: ReadonlyMap<
    string,
    { code: string; title: string; issueNumber: number | null; withdrawn?: boolean }
  >,
): DocumentRevision[] {
  const atRaise = new Map<string, number | null>();
  for (const a of actions) {
    if (!a.documentId) continue;
    const seen = atRaise.get(a.documentId);
    const raised = a.documentIssueAtRaise;
    if (!atRaise.has(a.documentId)) atRaise.set(a.documentId, raised);
    else if (seen !== null && seen !== undefined && (raised === null || raised < seen)) {
      atRaise.set(a.documentId, raised);
    }
  }
  return [...atRaise.entries()].map(([documentId, issueAtRaise]) => {
    const doc = inForce.get(documentId);
    const issueInForce = doc?.issueNumber ?? null;
    return {
      documentId,
      code: doc?.code ?? documentId,
      title: doc?.title ?? '',
      issueAtRaise,
      issueInForce,
      revised: issueInForce !== null && (issueAtRaise === null || issueInForce > issueAtRaise),
      withdrawn: doc?.withdrawn ?? false,
    };
  });
}

export type CloseBlockerKind =
  | 'no_actions'
  | 'no_verifier'
  | 'action_not_done'
  | 'document_not_revised'
  | 'verification_not_due'
  | 'verification_pending';

export interface CloseBlocker {
  kind: CloseBlockerKind;
  /** The action or document it names, if any. */
  subjectId: string | null;
  message: string;
}

/**
 * Why the corrective action cannot close now, in Vietnamese: actions not done, documents not
 * revised, the check not yet due; `verification_pending` alone means only the check remains.
 */
export function closeBlockers(input: {
  state: CorrectiveActionState;
  round: number;
  verifierId: string | null;
  verificationDue: string | null;
  actions: readonly ActionFacts[];
  documents: readonly DocumentRevision[];
  today: string;
}): CloseBlocker[] {
  if (input.state === CorrectiveActionState.Closed) return [];
  const blockers: CloseBlocker[] = [];
  const current = input.actions.filter((a) => a.round === input.round);
  if (!current.length)
    blockers.push({ kind: 'no_actions', subjectId: null, message: M.blockers.noActions(input.round) });
  if (!input.verifierId)
    blockers.push({ kind: 'no_verifier', subjectId: null, message: M.blockers.noVerifier });
  for (const a of current.filter((x) => x.doneOn === null)) {
    blockers.push({
      kind: 'action_not_done',
      subjectId: a.id,
      message: M.blockers.actionNotDone(a.description, a.dueDate),
    });
  }
  for (const d of input.documents.filter((x) => !documentSettled(x))) {
    blockers.push({
      kind: 'document_not_revised',
      subjectId: d.documentId,
      message: M.documentNotRevised(d),
    });
  }
  if (input.state === CorrectiveActionState.Verifying && input.verificationDue) {
    if (input.today < input.verificationDue) {
      blockers.push({
        kind: 'verification_not_due',
        subjectId: null,
        message: M.blockers.verificationNotDue(input.verificationDue),
      });
    } else {
      blockers.push({
        kind: 'verification_pending',
        subjectId: null,
        message: M.blockers.verificationPending,
      });
    }
  } else {
    blockers.push({ kind: 'verification_pending', subjectId: null, message: M.blockers.verificationPending });
  }
  return blockers;
}

/**
 * "Effective" closes the loop: refused before the check falls due (closing too early) and while a
 * linked document has no newer issue in force than when its action was raised (a withdrawn
 * document is settled).
 */
export function assertCanClose(input: {
  verificationDue: string | null;
  today: string;
  documents: readonly DocumentRevision[];
}): void {
  if (input.verificationDue && input.today < input.verificationDue) {
    throw new DomainException(ErrorCode.CorrectiveActionVerificationTooEarly, {
      verificationDue: input.verificationDue,
      message: M.tooEarly(input.verificationDue),
    });
  }
  const unrevised = input.documents.filter((d) => !documentSettled(d));
  if (unrevised.length) {
    throw new DomainException(ErrorCode.CorrectiveActionDocumentNotRevised, {
      documents: unrevised.map((d) => ({
        documentId: d.documentId,
        code: d.code,
        issueAtRaise: d.issueAtRaise,
        issueInForce: d.issueInForce,
      })),
      message: unrevised.map((d) => M.documentNotRevised(d)).join(' '),
    });
  }
}

/** "Not effective" needs its reason. */
export function assertReason(effective: boolean, reason: string | null | undefined): string {
  const text = reason?.trim() ?? '';
  if (!effective && !text) throw new DomainException(ErrorCode.CorrectiveActionReasonRequired);
  return text;
}
