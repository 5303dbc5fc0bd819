import type { PDFPage } from 'pdf-lib';
import type { PageColumn } from '../page-geometry';
import { PdfColors } from '../pdf-colors';
import type { PdfFonts } from '../pdf-fonts';
import { PdfMessages } from '../pdf.messages';
import { fitWords } from '../word-fit';
import { officialColumns } from './official-columns';
import type { OfficialClosing, OfficialSigner } from './official-document';
import { authorityLines } from './official-lines';
import { TextStack, type StackPart } from './text-stack';

const SIZES = { authority: 10.5, note: 8, name: 10.5, recipientsLabel: 9.5, recipient: 8.5 } as const;
/** Room for a handwritten signature and the seal on a printed copy. */
const SIGNATURE_SPACE = 52;

/** The parts of a signature block: the authority lines, then the signature space and the name. */
function signerParts(
  fonts: PdfFonts,
  signer: OfficialSigner,
  column: PageColumn,
): { authority: StackPart[]; rest: StackPart[] } {
  const style = (font: PdfFonts['regular'], size: number, color = PdfColors.text) => ({
    ...column,
    font,
    size,
    color,
    align: 'center' as const,
  });
  const fitted = (text: string, font: PdfFonts['regular'], size: number, gapBefore = 0): StackPart => {
    const fit = fitWords(text, font, size, column.width);
    return { lines: fit.lines, style: style(font, fit.size), gapBefore };
  };
  const authority = authorityLines(signer).map((line) => fitted(line, fonts.bold, SIZES.authority));
  const note = signer.note ? fitWords(signer.note, fonts.italic, SIZES.note, column.width) : null;
  // The note sits in the middle of the signature space, which keeps its height either way.
  const noteHeight = note ? note.lines.length * note.size * 1.3 : 0;
  const above = (SIGNATURE_SPACE - noteHeight) / 2;
  return {
    authority,
    rest: [
      ...(note
        ? [{ lines: note.lines, style: style(fonts.italic, note.size, PdfColors.muted), gapBefore: above }]
        : []),
      fitted(
        signer.name,
        fonts.bold,
        SIZES.name,
        note ? SIGNATURE_SPACE - above - noteHeight : SIGNATURE_SPACE,
      ),
    ],
  };
}

/** Signature blocks side by side: the signature spaces and the names level, whatever the positions' lengths. */
function signerStacks(
  fonts: PdfFonts,
  signers: readonly OfficialSigner[],
  columns: PageColumn[],
): TextStack[] {
  const parts = signers.map((signer, i) => signerParts(fonts, signer, columns[i]));
  const heights = parts.map((p) => new TextStack(p.authority).height);
  const tallest = Math.max(0, ...heights);
  return parts.map((p, i) => {
    const [first, ...others] = p.rest;
    return new TextStack([
      ...p.authority,
      { ...first, gapBefore: (first.gapBefore ?? 0) + tallest - heights[i] },
      ...others,
    ]);
  });
}

function recipientsStack(fonts: PdfFonts, recipients: readonly string[], column: PageColumn): TextStack {
  const left = { ...column, color: PdfColors.text, align: 'left' as const };
  return new TextStack([
    {
      lines: [PdfMessages.official.recipients],
      style: { ...left, font: fonts.boldItalic, size: SIZES.recipientsLabel },
    },
    ...recipients.map((recipient) => {
      const fit = fitWords(
        PdfMessages.official.recipient(recipient),
        fonts.regular,
        SIZES.recipient,
        column.width,
      );
      return { lines: fit.lines, style: { ...left, font: fonts.regular, size: fit.size } };
    }),
  ]);
}

/** Where each block of a closing goes: one column per signer, "Nơi nhận:" bottom-left. */
function arrange(
  fonts: PdfFonts,
  closing: OfficialClosing,
  area: PageColumn,
): { row: TextStack[]; below: TextStack | null } {
  const { left, right } = officialColumns(area);
  const { signers } = closing;
  let columns: PageColumn[];
  if (signers.length === 1) columns = [right];
  else if (signers.length === 2) columns = [left, right];
  else {
    const width = area.width / signers.length;
    columns = signers.map((_s, i) => ({ x: area.x + i * width, width }));
  }
  const row = signerStacks(fonts, signers, columns);
  const recipients = closing.recipients?.length ? recipientsStack(fonts, closing.recipients, left) : null;
  // With one signer, "Nơi nhận:" sits beside the signature, as on paper; else under the signatures.
  if (recipients && signers.length <= 1) return { row: [recipients, ...row], below: null };
  return { row, below: recipients };
}

const BELOW_GAP = 14;

/** The height `drawOfficialClosing` takes: for a page break before it rather than through it. */
export function officialClosingHeight(fonts: PdfFonts, closing: OfficialClosing, area: PageColumn): number {
  const { row, below } = arrange(fonts, closing, area);
  return Math.max(0, ...row.map((stack) => stack.height)) + (below ? BELOW_GAP + below.height : 0);
}

/** Draws the signature blocks and "Nơi nhận:" from `top`; returns the bottom. */
export function drawOfficialClosing(
  page: PDFPage,
  fonts: PdfFonts,
  closing: OfficialClosing,
  area: PageColumn,
  top: number,
): number {
  const { row, below } = arrange(fonts, closing, area);
  const bottom = Math.min(top, ...row.map((stack) => stack.draw(page, top)));
  return below ? below.draw(page, bottom - BELOW_GAP) : bottom;
}
