import type { Db } from '@eiso/database';

/**
 * Names the accounts that acted, for readers of the trail. The trail sits below the domain that
 * owns accounts (identity imports it), so identity registers a provider under this token and the
 * trail finds it at start-up; an application without identity (the command line) names nobody.
 */
export abstract class AuditActorNames {
  /** id → full name, in one query; unknown ids are left out. */
  abstract fullNamesOf(ids: readonly string[], db: Db): Promise<Map<string, string>>;
}
