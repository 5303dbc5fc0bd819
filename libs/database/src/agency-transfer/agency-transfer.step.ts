import { SetMetadata, type Type } from '@nestjs/common';
import type { Actor } from '@eiso/common';
import type { Db } from '../transaction.runner';

/** What a restructuring moves: every row of `fromAgencyId` goes to `toAgencyId`, by `actor`, at `at`. */
export interface AgencyTransferInput {
  readonly fromAgencyId: string;
  readonly toAgencyId: string;
  readonly actor: Actor;
  readonly at: Date;
  /**
   * Put before a moved row's code that the receiving agency already uses ("KT-" makes QT-01
   * KT-QT-01), instead of refusing the move; absent, such a code is a conflict.
   */
  readonly codePrefix?: string;
}

/** What stops a transfer until people settle it: a code both agencies use, work still open. */
export interface AgencyTransferConflict {
  readonly table: string;
  /** `code_taken`: the receiving agency has a row with the same code (or name); `open`: unfinished work. */
  readonly reason: 'code_taken' | 'open';
  /** The code, name or number people know the row by. */
  readonly key: string;
  readonly fromId: string;
  /** The receiving agency's row holding the same key, for `code_taken`. */
  readonly toId: string | null;
}

/** What one step did, table by table. */
export interface TransferSummary {
  /** Rows now under the receiving agency. */
  readonly moved: Readonly<Record<string, number>>;
  /** Rows whose code was given the restructuring's prefix before they moved. */
  readonly renamed?: Readonly<Record<string, number>>;
  /** Rows deliberately left under the old agency (history), with why. */
  readonly kept?: Readonly<Record<string, number>>;
  readonly keptBecause?: string;
}

/**
 * A domain's part of moving an agency's rows to another agency (a merger or a dissolution of the
 * 2025 reform). Each domain that owns a table with an `agency_id` column registers one step
 * naming its tables (`@AgencyTransfer()` on an `@Injectable()` provider of its module); start-up
 * fails while such a table has no step. The restructuring calls every step in one transaction:
 * first every `conflicts`, and only when none answers anything, every `transfer`.
 */
export interface AgencyTransferStep {
  /** The owning domain, for messages and summaries: `documents`, `records`… */
  readonly domain: string;
  /** Every table of the domain with an `agency_id` column, moved or deliberately kept. */
  readonly tables: readonly string[];
  /** Rows that cannot move as they are; none when the domain has no per-agency unique key. */
  conflicts?(db: Db, input: AgencyTransferInput): Promise<AgencyTransferConflict[]>;
  /** Moves (or deliberately keeps) the rows, inside the caller's transaction `db`. */
  transfer(db: Db, input: AgencyTransferInput): Promise<TransferSummary>;
}

export const AGENCY_TRANSFER_METADATA = 'eiso:agency-transfer';

/**
 * Marks an `@Injectable()` provider as its domain's agency transfer step; the registry finds it at
 * start-up, and the boot check matches its `tables` against the schema.
 *
 * @example
 * @Injectable()
 * @AgencyTransfer()
 * export class RecordAgencyTransfer implements AgencyTransferStep { ... }
 */
export function AgencyTransfer() {
  return <T extends Type<AgencyTransferStep>>(target: T): void => {
    SetMetadata(AGENCY_TRANSFER_METADATA, true)(target);
  };
}
