import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { DocumentFileEntity } from './document-file.entity';
import { SignatureMeaning } from './document-type';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';

/**
 * sha256 of exactly what a signature covers: the document's identity, the version's content and
 * the bytes of its files (by their sha256), the meaning, the signer and the time.
 */
export function signatureContentHash(input: {
  document: Pick<DocumentEntity, 'id' | 'agencyId' | 'code'>;
  version: Pick<
    DocumentVersionEntity,
    'id' | 'revision' | 'title' | 'changeSummary' | 'isoClauses' | 'tthcCodes'
  >;
  files: Pick<DocumentFileEntity, 'kind' | 'name' | 'sha256' | 'size'>[];
  meaning: SignatureMeaning;
  signerId: string;
  signedAt: Date;
  extra?: Record<string, unknown>;
}): string {
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
