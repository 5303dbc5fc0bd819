import type { OfficialHeading } from './official-layout/official-document';

/** A person who signed one step of the version's workflow. */
export interface Signer {
  name: string;
  position: string | null;
  signedAt: Date;
}

export type ControlledCopyState = 'scheduled' | 'effective' | 'superseded' | 'obsolete';

/**
 * The primary file itself when it is a PDF; the PDF rendition of a Word (ODF, Excel) file after a
 * cover page naming the original; otherwise only facts about the original for a cover page, with
 * the reason there is no rendition.
 */
export type ControlledCopySource =
  | { kind: 'pdf'; bytes: Uint8Array }
  | {
      kind: 'rendition';
      bytes: Uint8Array;
      fileName: string;
      sha256: string;
      mediaTypeLabel: string;
      renditionSha256: string;
    }
  | { kind: 'cover'; fileName: string; sha256: string; mediaTypeLabel: string; note?: string };

/** Everything printed on a controlled copy (bản có kiểm soát) of one document version. */
export interface ControlledCopyInput {
  source: ControlledCopySource;
  /** The issuing agency's official heading (Nghị định 30/2020/NĐ-CP). */
  heading: OfficialHeading;
  code: string;
  title: string;
  typeLabel: string;
  revision: number;
  issueNumber: number;
  /** Calendar date, `YYYY-MM-DD`. */
  effectiveFrom: string;
  state: ControlledCopyState;
  stateNote?: string;
  signers: { drafted: Signer; reviewed: Signer | null; approved: Signer | null; issued: Signer | null };
  generatedAt: Date;
}
