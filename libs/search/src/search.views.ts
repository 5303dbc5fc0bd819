import type { SnippetPart } from './snippet';

export type SearchScope = 'documents' | 'records';
export const SEARCH_SCOPES: readonly SearchScope[] = ['documents', 'records'];

/** The file a hit was found in. */
export interface SearchFileView {
  id: string;
  name: string;
  mediaType: string;
}

/**
 * A file that holds the words: of a document version (`scope` documents: `id` the document's,
 * `versionId` the version's, `code` its code) or of a record (`id` the record's, `code` its
 * reference). One shape for both, so that a page lists them alike.
 */
export interface SearchHitView {
  scope: SearchScope;
  id: string;
  versionId: string | null;
  agencyId: string;
  agencyName: string;
  code: string | null;
  title: string;
  /** documents: the document type. */
  type: string | null;
  /** records: the record type. */
  recordTypeId: string | null;
  state: string;
  revision: number | null;
  issueNumber: number | null;
  /** documents: in force from; records: the record's date. */
  date: string | null;
  file: SearchFileView;
  snippet: SnippetPart[];
  rank: number;
}

export interface SearchFilter {
  q: string;
  scope: SearchScope;
  /** documents: a document type. */
  type?: string;
  /** documents, for readers of every agency: one agency. */
  agencyId?: string;
  /** records: one record type. */
  recordTypeId?: string;
}
