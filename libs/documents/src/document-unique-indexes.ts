import { ErrorCode } from '@eiso/common';
import { mapUniqueViolation } from '@eiso/database';

/**
 * The documents schema's unique indexes that concurrent requests can collide on, and the 409 each
 * answers: the same code as the check the losing request passed before the winner committed.
 * Some paths also hold the document's row lock; the mapping keeps them 409 should that change.
 * Every index of the schema is listed, raced or explained, in test/platform/unique-constraints.
 */
export const DOCUMENT_UNIQUE_INDEXES: Readonly<Record<string, ErrorCode>> = {
  ux_document_agency_code: ErrorCode.DocumentCodeTaken,
  ux_document_version_revision: ErrorCode.DocumentVersionInFlight,
  ux_document_version_one_in_flight: ErrorCode.DocumentVersionInFlight,
  ux_document_version_one_effective: ErrorCode.DocumentVersionInvalidTransition,
  ux_document_version_one_scheduled: ErrorCode.DocumentVersionInvalidTransition,
  ux_document_version_issue_number: ErrorCode.DocumentVersionInvalidTransition,
  pk_document_acknowledgement: ErrorCode.DocumentAlreadyAcknowledged,
};

/** Runs one write of the documents repositories, mapping a lost uniqueness race to its 409. */
export function documentWrite<T>(work: () => Promise<T>): Promise<T> {
  return mapUniqueViolation(work, DOCUMENT_UNIQUE_INDEXES);
}
