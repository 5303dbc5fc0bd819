import { RENDITION_STATE_LABELS, RenditionState, TEXT_STATE_LABELS, TextState } from './content-state';
import type { FileContentEntity } from './file-content.entity';

/** What is known of a file's content, shown beside the file. */
export interface FileContentView {
  /** null when the file needs no rendition (a PDF, an image). */
  rendition: {
    state: RenditionState;
    stateLabel: string;
    sha256: string | null;
    size: number | null;
    /** `gotenberg` or `soffice`. */
    renderedBy: string | null;
    error: string | null;
  } | null;
  text: {
    state: TextState;
    stateLabel: string;
    pages: number | null;
    error: string | null;
  };
}

export function toFileContentView(row: FileContentEntity): FileContentView {
  return {
    rendition: row.renderState
      ? {
          state: row.renderState,
          stateLabel: RENDITION_STATE_LABELS[row.renderState],
          sha256: row.renditionSha256,
          size: row.renditionSize,
          renderedBy: row.renderedBy,
          error: row.renderError,
        }
      : null,
    text: {
      state: row.textState,
      stateLabel: TEXT_STATE_LABELS[row.textState],
      pages: row.pages,
      error: row.textError,
    },
  };
}
