import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { DisposalEntity } from './disposal.entity';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * sha256 of exactly what the approver signs: the batch, every record in it and the bytes of
 * their files (by sha256), the signer and the time. Order of records and files does not matter.
 */
export function disposalContentHash(input: {
  disposal: Pick<DisposalEntity, 'id' | 'agencyId' | 'number'>;
  records: { id: string; fileSha256: string[] }[];
  signerId: string;
  signedAt: Date;
}): string {
  const canonical = stringify({
    disposalId: input.disposal.id,
    agencyId: input.disposal.agencyId,
    number: input.disposal.number,
    records: [...input.records]
      .map((r) => ({ id: r.id, files: [...r.fileSha256].sort() }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    meaning: 'dispose',
    signerId: input.signerId,
    signedAt: input.signedAt.toISOString(),
  });
  return sha256(canonical ?? '');
}

/** The records a disposal signature covers, each with the sha256 of its files, from file rows. */
export function signedRecords(
  recordIds: string[],
  files: { recordId: string; sha256: string }[],
): { id: string; fileSha256: string[] }[] {
  return recordIds.map((id) => ({
    id,
    fileSha256: files.filter((f) => f.recordId === id).map((f) => f.sha256),
  }));
}

/**
 * Whether a signed batch's hash still matches its stored records and the files they had when it
 * was signed (deleted files keep their sha256); null when the batch is not signed. The signer's
 * password plays no part, so a later reset never touches it.
 */
export function disposalSignatureVerifies(
  disposal: Pick<DisposalEntity, 'id' | 'agencyId' | 'number' | 'approvedBy' | 'signedAt' | 'contentHash'>,
  recordIds: string[],
  filesAtSigning: { recordId: string; sha256: string }[],
): boolean | null {
  if (!disposal.approvedBy || !disposal.signedAt || !disposal.contentHash) return null;
  return (
    disposalContentHash({
      disposal,
      records: signedRecords(recordIds, filesAtSigning),
      signerId: disposal.approvedBy,
      signedAt: disposal.signedAt,
    }) === disposal.contentHash
  );
}

/** The tombstone's fingerprint of what was deleted: sha256 over the sorted sha256 of the files. */
export function disposedSha256(fileSha256: string[]): string {
  return sha256([...fileSha256].sort().join('\n'));
}
