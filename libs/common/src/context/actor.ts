import { Role } from '../permissions/role';

/** Who is acting, as the services see it; built from the access token on each request. */
export interface Actor {
  userId: string;
  username: string;
  agencyId: string | null;
  orgUnitId: string | null;
  roles: Role[];
  requestId: string;
  /** The client's address as the API saw it (through TRUST_PROXY); absent for work the system starts. */
  clientAddress?: string;
}

/** The actor for work started by the system itself (jobs, CLI, bootstrap). */
export function systemActor(requestId: string): Actor {
  return { userId: '', username: 'system', agencyId: null, orgUnitId: null, roles: [], requestId };
}

export function isAdmin(actor: Actor): boolean {
  return actor.roles.includes(Role.Admin);
}
