import { SignatureMeaning, SignatureSubject, SignatureSubjectType, SignedContent } from '@eiso/signatures';
import { AttachmentEntity } from '@eiso/attachments';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';
import { ExternalSourceColumns, externalSourceOf } from './external-source';

/** A version as the subject of its signatures. */
export function versionSubject(versionId: string): SignatureSubject {
  return { type: SignatureSubjectType.DocumentVersion, id: versionId };
}

/**
 * What a signature on a version covers (libs/signatures adds the meaning, the signer and the time):
 * the document's identity, the version's content and the bytes of its files (by their sha256),
 * and for an issue its number and effective date. Signing and verifying both build it here.
 */
export function versionSignedContent(input: {
  document: Pick<DocumentEntity, 'id' | 'agencyId' | 'code'>;
  version: Pick<
    DocumentVersionEntity,
    | 'id'
    | 'revision'
    | 'title'
    | 'changeSummary'
    | 'isoClauses'
    | 'tthcCodes'
    | 'issueNumber'
    | 'effectiveFrom'
  > &
    ExternalSourceColumns;
  files: Pick<AttachmentEntity, 'kind' | 'name' | 'sha256' | 'size'>[];
  meaning: SignatureMeaning;
}): SignedContent {
  const external = externalSourceOf(input.version);
  return {
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
    extra: signedExtra(input.meaning, input.version) ?? null,
  };
}

/** What a signature covers beyond the version's content: the issue number and effective date for an issue. */
export function signedExtra(
  meaning: SignatureMeaning,
  version: Pick<DocumentVersionEntity, 'issueNumber' | 'effectiveFrom'>,
): Record<string, unknown> | undefined {
  return meaning === SignatureMeaning.Issue
    ? { issueNumber: version.issueNumber, effectiveFrom: version.effectiveFrom }
    : undefined;
}
