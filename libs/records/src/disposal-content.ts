import { createHash } from 'node:crypto';
import {
  SignatureEntity,
  SignatureMeaning,
  SignatureSubject,
  SignatureSubjectType,
  SignedContent,
} from '@eiso/signatures';
import { DisposalEntity } from './disposal.entity';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A disposal batch as the subject of its approval signature. */
export function disposalSubject(disposalId: string): SignatureSubject {
  return { type: SignatureSubjectType.Disposal, id: disposalId };
}

/**
 * What the approver signs (libs/signatures adds the meaning, the signer and the time): the batch,
 * every record in it and the bytes of their files (by sha256). Order of records and files does
 * not matter.
 */
export function disposalSignedContent(
  disposal: Pick<DisposalEntity, 'id' | 'agencyId' | 'number'>,
  records: { id: string; fileSha256: string[] }[],
): SignedContent {
  return {
    disposalId: disposal.id,
    agencyId: disposal.agencyId,
    number: disposal.number,
    records: [...records]
      .map((r) => ({ id: r.id, files: [...r.fileSha256].sort() }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** The approval among a batch's signatures; null while the batch is not signed. */
export function approvalOf(signatures: SignatureEntity[], disposalId: string): SignatureEntity | null {
  return signatures.find((s) => s.subjectId === disposalId && s.meaning === SignatureMeaning.Dispose) ?? null;
}

/** The records a disposal signature covers, each with the sha256 of its files, from file rows. */
export function signedRecords(
  recordIds: string[],
  files: { subjectId: string; sha256: string }[],
): { id: string; fileSha256: string[] }[] {
  return recordIds.map((id) => ({
    id,
    fileSha256: files.filter((f) => f.subjectId === id).map((f) => f.sha256),
  }));
}

/** The tombstone's fingerprint of what was deleted: sha256 over the sorted sha256 of the files. */
export function disposedSha256(fileSha256: string[]): string {
  return sha256([...fileSha256].sort().join('\n'));
}
