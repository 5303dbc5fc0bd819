import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { DocumentFileEntity } from './document-file.entity';
import { DocumentSignatureEntity } from './document-signature.entity';
import { SignatureMeaning } from './document-type';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';
import { ExternalSourceColumns, externalSourceOf } from './external-source';

/**
 * sha256 of exactly what a signature covers: the document's identity, the version's content and
 * the bytes of its files (by their sha256), the meaning, the signer and the time.
 */
export function signatureContentHash(input: {
  document: Pick<DocumentEntity, 'id' | 'agencyId' | 'code'>;
  version: Pick<
    DocumentVersionEntity,
    'id' | 'revision' | 'title' | 'changeSummary' | 'isoClauses' | 'tthcCodes'
  > &
    ExternalSourceColumns;
  files: Pick<DocumentFileEntity, 'kind' | 'name' | 'sha256' | 'size'>[];
  meaning: SignatureMeaning;
  signerId: string;
  signedAt: Date;
  extra?: Record<string, unknown>;
}): string {
  const external = externalSourceOf(input.version);
  const canonical = stringify({
    documentId: input.document.id,
    agencyId: input.document.agencyId,
    code: input.document.code,
    versionId: input.version.id,
    revision: input.version.revision,
    title: input.version.title,
    changeSummary: input.version.changeSummary,
    isoClauses: input.version.isoClauses,
    tthcCodes: input.version.tthcCodes,
    // An external document's issuer, number and dates are content too; absent on every other
    // type, so that the hashes of versions without them stay what they were.
    ...(external ? { external } : {}),
    files: [...input.files]
      .map((f) => ({ kind: f.kind, name: f.name, sha256: f.sha256, size: f.size }))
      .sort((a, b) => a.sha256.localeCompare(b.sha256) || a.name.localeCompare(b.name)),
    meaning: input.meaning,
    signerId: input.signerId,
    signedAt: input.signedAt.toISOString(),
    extra: input.extra ?? null,
  });
  return createHash('sha256')
    .update(canonical ?? '', 'utf8')
    .digest('hex');
}

type HashInput = Parameters<typeof signatureContentHash>[0];

/**
 * What a signature covers beyond the version's content, from the version itself: the issue
 * number and effective date for an issue. Signing and verifying both take it from here.
 */
export function signedExtra(
  meaning: SignatureMeaning,
  version: Pick<DocumentVersionEntity, 'issueNumber' | 'effectiveFrom'>,
): Record<string, unknown> | undefined {
  return meaning === SignatureMeaning.Issue
    ? { issueNumber: version.issueNumber, effectiveFrom: version.effectiveFrom }
    : undefined;
}

/**
 * Whether a stored signature's hash still matches the stored document, version and files: false
 * when what it covered has changed since (e.g. a draft edited after a return). The signer's
 * password plays no part, so a later reset never touches it.
 */
export function signatureVerifies(
  signature: Pick<DocumentSignatureEntity, 'meaning' | 'signerId' | 'signedAt' | 'contentHash'>,
  content: {
    document: HashInput['document'];
    version: HashInput['version'] & Pick<DocumentVersionEntity, 'issueNumber' | 'effectiveFrom'>;
    files: HashInput['files'];
  },
): boolean {
  return (
    signatureContentHash({
      ...content,
      meaning: signature.meaning,
      signerId: signature.signerId,
      signedAt: signature.signedAt,
      extra: signedExtra(signature.meaning, content.version),
    }) === signature.contentHash
  );
}
