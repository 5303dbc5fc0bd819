import { ErrorCode } from '@eiso/common';
import { mapUniqueViolation } from '@eiso/database';

/**
 * The records schema's unique indexes that concurrent requests can collide on, and the 409 each
 * answers: the same code as the check the losing request passed before the winner committed.
 * `ux_disposal_agency_number` is not here: numbers are drawn under a per-agency lock, so a
 * violation would be a bug, not a race. Every index of the schema is listed, raced or explained,
 * in test/platform/unique-constraints.
 */
export const RECORD_UNIQUE_INDEXES: Readonly<Record<string, ErrorCode>> = {
  ux_record_type_agency_code: ErrorCode.RecordTypeCodeTaken,
  ux_disposal_item_open_record: ErrorCode.DisposalRecordsNotEligible,
};

/** Runs one write of the records repositories, mapping a lost uniqueness race to its 409. */
export function recordWrite<T>(work: () => Promise<T>): Promise<T> {
  return mapUniqueViolation(work, RECORD_UNIQUE_INDEXES);
}
