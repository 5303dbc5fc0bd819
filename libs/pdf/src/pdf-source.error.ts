import { PdfMessages } from './pdf.messages';

export type PdfSourceProblem = 'encrypted' | 'unreadable' | 'empty';

/** The uploaded PDF cannot be stamped; the message tells the user why, in Vietnamese. */
export class PdfSourceError extends Error {
  constructor(
    readonly problem: PdfSourceProblem,
    options?: { cause?: unknown },
  ) {
    super(PdfMessages.sourceProblems[problem], options);
    this.name = 'PdfSourceError';
  }
}
