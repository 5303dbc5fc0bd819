import type { OfficialHeading } from './official-layout/official-document';

/** A person who signed one step of the version's workflow. */
export interface Signer {
  name: string;
  position: string | null;
  signedAt: Date;
}

export type ControlledCopyState = 'scheduled' | 'effective' | 'superseded' | 'obsolete';

/** The primary file itself when it is a PDF; otherwise only facts about it for a cover page. */
export type ControlledCopySource =
  | { kind: 'pdf'; bytes: Uint8Array }
  | { kind: 'cover'; fileName: string; sha256: string; mediaTypeLabel: string };

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
