import { SetMetadata, type Type } from '@nestjs/common';
import type { Actor } from '@eiso/common';
import type { Db } from '@eiso/database';

/** What an event names of its subject. */
export interface AuditSubject {
  entityId: string;
  /** The agency the event was filed under. */
  agencyId: string | null;
}

/**
 * A domain's rule for who may read what happened to its subjects: the same visibility its own
 * routes apply. Called once per entity type and page of events, with every subject of that type
 * on the page, so an implementation looks them up in one query.
 */
export interface AuditVisibility {
  /** For each of `subjects`, in order: may `actor` read its events in full? */
  visibleSubjects(
    db: Db,
    actor: Actor,
    entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<readonly boolean[]>;
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
