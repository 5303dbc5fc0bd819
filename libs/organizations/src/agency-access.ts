import { Actor, isAdmin, Role } from '@eiso/common';

/** Work started by the system itself (CLI import, seeding) carries no user: see systemActor(). */
export function isSystemActor(actor: Actor): boolean {
  return actor.userId === '' && actor.roles.length === 0;
}

/** Creating, editing and importing agencies is the administrator's job. */
export function canManageAgencies(actor: Actor): boolean {
  return isAdmin(actor) || isSystemActor(actor);
}

/** Administrators and the overseeing department read every agency; everyone else only their own. */
export function canReadAllAgencies(actor: Actor): boolean {
  return canManageAgencies(actor) || actor.roles.includes(Role.Overseer);
}

/** Whether the actor may see this agency (and its org units) at all. */
export function canSeeAgency(actor: Actor, agencyId: string): boolean {
  return canReadAllAgencies(actor) || actor.agencyId === agencyId;
}
