import { Actor, Role } from '@eiso/common';
import { ISSUED_STATES, VersionState } from './document-type';

/** Roles that take part in drafting: they see every version of their own agency's documents. */
const DRAFTING_CIRCLE: readonly Role[] = [Role.Drafter, Role.Reviewer, Role.Approver, Role.IsoSecretary];
/** Roles that read every agency's published state (DESIGN §1), never drafts. */
const CROSS_AGENCY_READERS: readonly Role[] = [Role.Overseer, Role.Admin];

export interface DocumentScope {
  /** null: every agency. */
  agencyId: string | null;
  /** null: every state. */
  states: readonly VersionState[] | null;
}

/**
 * What an actor may see of documents. Agency members outside the drafting circle, the overseer and
 * admins see issued versions only; nobody sees another agency's drafts. An empty scope sees nothing.
 */
export function documentScope(actor: Actor): DocumentScope | null {
  if (actor.agencyId && actor.roles.some((r) => DRAFTING_CIRCLE.includes(r))) {
    return { agencyId: actor.agencyId, states: null };
  }
  if (actor.roles.some((r) => CROSS_AGENCY_READERS.includes(r)))
    return { agencyId: null, states: ISSUED_STATES };
  if (actor.agencyId) return { agencyId: actor.agencyId, states: ISSUED_STATES };
  return null;
}

/** Whether the actor may know of a document at all: issued-only readers learn of it at its first issue. */
export function canSeeDocument(scope: DocumentScope | null, agencyId: string, issueCount: number): boolean {
  if (!scope) return false;
  if (scope.agencyId && scope.agencyId !== agencyId) return false;
  return !scope.states || issueCount > 0;
}

export function canSeeVersion(scope: DocumentScope | null, agencyId: string, state: VersionState): boolean {
  if (!scope) return false;
  if (scope.agencyId && scope.agencyId !== agencyId) return false;
  return !scope.states || scope.states.includes(state);
}

/** Drafting acts happen inside one's own agency only, whatever the role grants. */
export function actsInAgency(actor: Actor, agencyId: string): boolean {
  return actor.agencyId === agencyId;
}
