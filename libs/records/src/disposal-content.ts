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

/** The tombstone's fingerprint of what was deleted: sha256 over the sorted sha256 of the files. */
export function disposedSha256(fileSha256: string[]): string {
  return sha256([...fileSha256].sort().join('\n'));
}
