import { SetMetadata, type Type } from '@nestjs/common';
import { type Actor, hasPermission, isAdmin, type Permission } from '@eiso/common';
import type { Db } from '@eiso/database';

/** What an event names of its subject. */
export interface AuditSubject {
  entityId: string;
  /** The agency the event was filed under. */
  agencyId: string | null;
}

/**
 * A domain's rule for who may read what happened to its subjects, and what they are called: the
 * same visibility its own routes apply. Called once per entity type and page of events, with every
 * subject of that type on the page, so an implementation looks them up in one query.
 */
export interface AuditVisibility {
  /** For each of `subjects`, in order: may `actor` read its events in full? */
  visibleSubjects(
    db: Db,
    actor: Actor,
    entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<readonly boolean[]>;

  /**
   * For each of `entityIds`, in order: what a person calls the subject (a document's code and
   * title, an account's full name and login…), or null when it no longer exists. Asked only for
   * subjects the reader was found to see (`visibleSubjects`), so a name never leaks a subject.
   */
  subjectNames(db: Db, entityType: string, entityIds: readonly string[]): Promise<readonly (string | null)[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The common shape of `subjectNames`: `find` gets the distinct ids that are UUIDs (anything else
 * names no row, and would not even cast in SQL) and answers id → name for those it knows.
 */
export async function namesByUuid(
  entityIds: readonly string[],
  find: (ids: string[]) => Promise<Iterable<readonly [string, string]>>,
): Promise<(string | null)[]> {
  const ids = [...new Set(entityIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  const names = new Map(ids.length ? await find(ids) : []);
  return entityIds.map((id) => names.get(id.toLowerCase()) ?? null);
}

export const AUDIT_VISIBILITY_METADATA = 'eiso:audit-visibility';

/**
 * Marks an `@Injectable()` provider as the visibility rule of the entity types its domain writes
 * to the trail; the registry finds it at start-up. An entity type without a rule is redacted for
 * every reader, so a domain that forgets one hides its events rather than leaking them.
 *
 * @example
 * @Injectable()
 * @AuditVisibilityOf('record', 'record_type')
 * export class RecordAuditVisibility implements AuditVisibility { ... }
 */
export function AuditVisibilityOf(...entityTypes: string[]) {
  return <T extends Type<AuditVisibility>>(target: T): void => {
    SetMetadata(AUDIT_VISIBILITY_METADATA, entityTypes)(target);
  };
}

/**
 * The common rule: holders of `permission` read the events of their own agency's subjects, and a
 * system admin everyone's when `adminEverywhere` (not for agency-internal subjects like records).
 */
export function visibleByPermission(
  actor: Actor,
  permission: Permission,
  subjects: readonly AuditSubject[],
  adminEverywhere: boolean,
): Promise<boolean[]> {
  const permitted = hasPermission(actor.roles, permission);
  const everywhere = adminEverywhere && isAdmin(actor);
  return Promise.resolve(
    subjects.map((s) => permitted && (everywhere || (!!actor.agencyId && s.agencyId === actor.agencyId))),
  );
}
