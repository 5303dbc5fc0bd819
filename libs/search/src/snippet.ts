/** A piece of a snippet: `hit` when it is a word of the query. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** Markers ts_headline puts around the words found; control characters no extracted text keeps. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';
/** Between two fragments of one file. */
export const FRAGMENT_GAP = ' … ';

/** The options of ts_headline: the one fragment with the most of the query's words. */
export const HEADLINE_OPTIONS = [
  `StartSel=${HIT_START}`,
  `StopSel=${HIT_END}`,
  'MaxWords=35',
  'MinWords=15',
  'ShortWord=0',
  'MaxFragments=1',
  `FragmentDelimiter="${FRAGMENT_GAP}"`,
  'HighlightAll=false',
].join(', ');

/**
 * The snippet as parts a page shows (marks around hits), never HTML: the text of a file is
 * whatever its author typed, and the client renders it as text.
 */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, hit: boolean) => {
    // eslint-disable-next-line no-control-regex -- control characters are what this drops.
    const clean = text.replace(/[\u0000-\u0008\u000b-\u001f]/g, '').replace(/\s+/g, ' ');
    if (!clean) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += clean;
    else parts.push({ text: clean, hit });
  };
  let rest = headline;
  for (;;) {
    const start = rest.indexOf(HIT_START);
    if (start < 0) break;
    const end = rest.indexOf(HIT_END, start + 1);
    if (end < 0) break;
    push(rest.slice(0, start), false);
    push(rest.slice(start + 1, end), true);
    rest = rest.slice(end + 1);
  }
  push(rest.replaceAll(HIT_START, '').replaceAll(HIT_END, ''), false);
  if (parts.length) {
    parts[0].text = parts[0].text.trimStart();
    parts[parts.length - 1].text = parts[parts.length - 1].text.trimEnd();
  }
  return parts.filter((p) => p.text);
}
