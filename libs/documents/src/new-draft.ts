import { randomUUID } from 'node:crypto';
import { VersionState } from './document-type';
import { DocumentVersionEntity } from './document-version.entity';
import { ExternalSourceColumns, toExternalColumns, externalSourceOf } from './external-source';

/** A fresh draft: content from `content`, every lifecycle field blank. */
export function newDraft(
  content: Pick<DocumentVersionEntity, 'documentId' | 'agencyId' | 'title' | 'isoClauses' | 'tthcCodes'> &
    ExternalSourceColumns,
  fields: {
    revision: number;
    authorId: string;
    changeSummary: string | null;
    basedOnVersionId: string | null;
    now: Date;
  },
): DocumentVersionEntity {
  return {
    id: randomUUID(),
    documentId: content.documentId,
    agencyId: content.agencyId,
    revision: fields.revision,
    issueNumber: null,
    state: VersionState.Draft,
    title: content.title,
    isoClauses: content.isoClauses,
    tthcCodes: content.tthcCodes,
    ...toExternalColumns(externalSourceOf(content)),
    changeSummary: fields.changeSummary,
    authorId: fields.authorId,
    basedOnVersionId: fields.basedOnVersionId,
    submittedAt: null,
    effectiveFrom: null,
    issuedAt: null,
    supersededAt: null,
    obsoletedAt: null,
    withdrawalReason: null,
    controlledCopyKey: null,
    controlledCopyState: null,
    controlledCopySource: null,
    createdAt: fields.now,
    updatedAt: fields.now,
    version: 1,
  };
}
