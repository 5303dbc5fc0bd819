/** `table.column`, both plain lower-case SQL identifiers. */
export type QualifiedColumn = `${string}.${string}`;

/**
 * Every column that holds a storage object key: the orphan sweep deletes an old local-disk
 * object only when none of these names it. A domain that stores files adds its column here.
 *
 * It cannot be forgotten silently: object-key columns are named `*_key` (`storage_key`), and
 * before each sweep every text column of the schema whose name ends in `key` must be listed
 * here or in NOT_OBJECT_KEY_COLUMNS. An unlisted one stops the sweep with an error naming it,
 * and fails test/storage/orphan-sweep.e2e-spec.ts, so the migration that adds it cannot pass CI.
 *
 * Tombstone rows count too (attachment.deleted_at): disposal deleted their objects already, and
 * bytes a row still names are never the sweep's to judge.
 */
export const OBJECT_KEY_COLUMNS: readonly QualifiedColumn[] = [
  'attachment.storage_key',
  'document_version.controlled_copy_key',
  // --- management reviews: the signed minutes (PDF) ---
  'management_review.minutes_key',
  // --- conformity: the signed decision (PDF) ---
  'conformity_declaration.pdf_key',
  // --- content: the PDF rendition of a Word, ODF or spreadsheet file ---
  'file_content.rendition_key',
];

/** Text columns named `*key` that hold something else. */
export const NOT_OBJECT_KEY_COLUMNS: readonly QualifiedColumn[] = [
  'notification.dedup_key',
  // The original's key, named by attachment.storage_key: the row goes when no attachment names it.
  'file_content.source_key',
];
