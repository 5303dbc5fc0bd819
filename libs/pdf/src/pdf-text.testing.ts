import { loadPdfJs, PDFJS_STANDARD_FONT_DATA_URL } from './pdfjs.loader';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

export interface PdfTextOptions {
  /**
   * The physical layout (like `pdftotext -layout`): every text line of the displayed page, top to
   * bottom, with the pieces that share a baseline read left to right on one line, however far
   * apart (a stamp's status, details and page number, table cells side by side).
   */
  layout?: boolean;
  /**
   * Content-stream order (like `pdftotext -raw`): the text items as the page draws them, a line
   * break where pdf.js marks one or the baseline moves.
   */
  raw?: boolean;
  /** 1-based, inclusive. */
  firstPage?: number;
  /** 1-based, inclusive. */
  lastPage?: number;
}

/** A text item placed on the page as a reader sees it (after /Rotate): y grows downwards. */
interface PlacedItem {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Runs left to right on the displayed page; rotated text (a watermark) does not. */
  horizontal: boolean;
  hasEOL: boolean;
}

/**
 * Test helper: the text a user can search and copy in a PDF, read by pdf.js, NFC-normalized; each
 * page ends with a form feed, as with pdftotext. By default the text reads like `pdftotext`'s: the
 * page is split into blocks (a paragraph, a table cell, a signature column: lines close below each
 * other that overlap horizontally), and the blocks come top to bottom, those that start on the same
 * line left to right, each block's lines one after the other. `layout` and `raw` are the other modes
 * of pdftotext.
 */
export async function extractPdfText(pdf: Uint8Array, options: PdfTextOptions = {}): Promise<string> {
  const { getDocument, VerbosityLevel } = loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it parses: give it a copy.
  const task = getDocument({
    data: new Uint8Array(pdf),
    // No code generated from font data (the fix for CVE-2024-4367 in pdf.js 3.x is this switch).
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: PDFJS_STANDARD_FONT_DATA_URL,
    verbosity: VerbosityLevel.ERRORS,
  });
  const doc = await task.promise;
  try {
    const first = Math.max(1, options.firstPage ?? 1);
    const last = Math.min(doc.numPages, options.lastPage ?? doc.numPages);
    const pages: string[] = [];
    for (let number = first; number <= last; number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items
        .filter((item): item is TextItem => 'str' in item)
        .map((item) => place(item, viewport.transform));
      const lines = options.raw
        ? streamLines(items)
        : options.layout
          ? layoutLines(items)
          : blockLines(items);
      pages.push(`${lines.join('\n')}\n\f`);
      page.cleanup();
    }
    return pages.join('').normalize('NFC');
  } finally {
    await task.destroy();
  }
}

type Matrix = number[];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function place(item: TextItem, viewportTransform: Matrix): PlacedItem {
  // The item's text matrix on the displayed page (viewport space: y downwards, /Rotate applied).
  const [a, b, c, d, e, f] = multiply(viewportTransform, item.transform as Matrix);
  const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
  return {
    text: item.str.normalize('NFC'),
    x: e,
    y: f,
    width: item.width,
    height: size,
    horizontal: a > 0 && Math.abs(b) < 1e-3 * Math.abs(a),
    hasEOL: item.hasEOL,
  };
}

/** Appends `next` to `line`, with a space when the gap between them is a word gap. */
function join2(line: string, next: PlacedItem, gap: number): string {
  if (!line) return next.text;
  const needsSpace = gap > 0.15 * next.height && !/\s$/.test(line) && !/^\s/.test(next.text);
  return line + (needsSpace ? ' ' : '') + next.text;
}

interface Row {
  y: number;
  height: number;
  /** Left to right; a rotated item (a watermark) is a row of its own. */
  items: PlacedItem[];
}

/** Items grouped by baseline: the text lines of the displayed page, top to bottom. */
function rowsOf(items: PlacedItem[]): Row[] {
  const rows: Row[] = [];
  for (const item of items) {
    if (item.text.trim() === '') continue;
    const row = item.horizontal
      ? rows.find(
          (r) => r.items[0].horizontal && Math.abs(r.y - item.y) <= 0.5 * Math.min(r.height, item.height),
        )
      : undefined;
    if (row) row.items.push(item);
    else rows.push({ y: item.y, height: item.height, items: [item] });
  }
  for (const row of rows) row.items.sort((i, j) => i.x - j.x);
  return rows.sort((r, s) => r.y - s.y);
}

/** Joins items left to right, with a space where the gap between two is a word gap. */
function joinItems(items: PlacedItem[]): string {
  let line = '';
  let end = -Infinity;
  for (const item of items) {
    line = join2(line, item, item.x - end);
    end = Math.max(end, item.x + item.width);
  }
  return line.trim();
}

/** Lines rebuilt from positions: items whose baselines are close form a line, read left to right. */
function layoutLines(items: PlacedItem[]): string[] {
  return rowsOf(items)
    .map((row) => joinItems(row.items))
    .filter((line) => line !== '');
}

/** A piece of one text line: horizontal items on one baseline, each no more than a word gap apart. */
interface Fragment {
  text: string;
  x: number;
  right: number;
  /** Baseline. */
  y: number;
  height: number;
  horizontal: boolean;
}

interface Block {
  fragments: Fragment[];
  x: number;
  top: number;
}

/** Lines read in blocks, the way pdftotext orders text by default (see `extractPdfText`). */
function blockLines(items: PlacedItem[]): string[] {
  const fragments = lineFragments(items).sort((f, g) => f.y - g.y || f.x - g.x);
  const blocks: Block[] = [];
  for (const fragment of fragments) {
    const above = fragment.horizontal
      ? blocks.filter((block) => {
          const last = block.fragments[block.fragments.length - 1];
          return (
            last.horizontal &&
            fragment.y > last.y &&
            fragment.y - last.y <= 1.6 * Math.max(last.height, fragment.height) &&
            Math.abs(last.height - fragment.height) <= 0.25 * Math.max(last.height, fragment.height) &&
            fragment.x < last.right &&
            last.x < fragment.right
          );
        })
      : [];
    // A line that spans two columns above it (a closing line under signature blocks) starts anew.
    if (above.length === 1) {
      above[0].fragments.push(fragment);
      above[0].x = Math.min(above[0].x, fragment.x);
    } else {
      blocks.push({ fragments: [fragment], x: fragment.x, top: fragment.y - fragment.height });
    }
  }
  // Top to bottom; blocks whose tops are within half a line of the first one's read left to right.
  blocks.sort((a, b) => a.top - b.top);
  const ordered: Block[] = [];
  for (let i = 0; i < blocks.length;) {
    const first = blocks[i];
    const tolerance = 0.5 * first.fragments[0].height;
    let j = i + 1;
    while (j < blocks.length && blocks[j].top - first.top <= tolerance) j++;
    ordered.push(...blocks.slice(i, j).sort((a, b) => a.x - b.x));
    i = j;
  }
  return ordered.flatMap((block) => block.fragments.map((f) => f.text.trim())).filter((line) => line !== '');
}

/** Each text line cut where two items are further apart than a word gap (between columns). */
function lineFragments(items: PlacedItem[]): Fragment[] {
  const fragments: Fragment[] = [];
  for (const row of rowsOf(items)) {
    let pieces: PlacedItem[] = [];
    const flush = () => {
      if (pieces.length === 0) return;
      const first = pieces[0];
      fragments.push({
        text: joinItems(pieces),
        x: first.x,
        right: Math.max(...pieces.map((p) => p.x + p.width)),
        y: row.y,
        height: Math.max(...pieces.map((p) => p.height)),
        horizontal: first.horizontal,
      });
      pieces = [];
    };
    for (const item of row.items) {
      const right = Math.max(-Infinity, ...pieces.map((p) => p.x + p.width));
      if (pieces.length > 0 && item.x - right > 0.5 * Math.max(item.height, pieces[0].height)) flush();
      pieces.push(item);
    }
    flush();
  }
  return fragments;
}

/** Lines in content-stream order: a break where pdf.js marks one or the baseline moves. */
function streamLines(items: PlacedItem[]): string[] {
  const lines: string[] = [];
  let line = '';
  let previous: PlacedItem | undefined;
  for (const item of items) {
    const sameLine =
      previous !== undefined &&
      !previous.hasEOL &&
      previous.horizontal &&
      item.horizontal &&
      Math.abs(previous.y - item.y) <= 0.5 * Math.min(previous.height, item.height);
    if (previous && !sameLine) {
      lines.push(line.trimEnd());
      line = '';
    }
    line = join2(line, item, previous && sameLine ? item.x - (previous.x + previous.width) : 0);
    previous = item;
  }
  if (line) lines.push(line.trimEnd());
  return lines.filter((l) => l.trim() !== '');
}
