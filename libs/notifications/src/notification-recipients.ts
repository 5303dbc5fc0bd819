import type { Db } from '@eiso/database';

/** Where an e-mail copy would go: the account's address, and whether it is still active. */
export interface Recipient {
  email: string | null;
  active: boolean;
}

/**
 * The addresses of the accounts notified. Notifications sit below the domain that owns accounts
 * (identity imports them), so identity registers a provider under this token; the e-mail handler
 * finds it at start-up, and an application that sends notifications without identity fails there.
 */
export abstract class NotificationRecipients {
  /** id → address and state, in one query; unknown ids are left out. */
  abstract recipientsOf(ids: readonly string[], db: Db): Promise<Map<string, Recipient>>;
}
