import { foldVietnamese } from '@eiso/common';

/** One part of what the user typed. */
export interface SearchTerm {
  /** `phrase`: words in this order ("…"); `word`: anywhere; `prefix`: a word that starts so (`quyết*`). */
  kind: 'phrase' | 'word' | 'prefix';
  text: string;
}

/** Longer input is cut: nobody remembers more of a sentence, and each term is a parameter. */
export const MAX_TERMS = 16;

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Reads the search box: "quoted words" are a phrase, a word ending in `*` a prefix, any other word
 * must occur anywhere in the file (the ranking puts files where they stand together first). A
 * leading `-` or other punctuation is only a separator: there is no operator to get wrong. Terms
 * without a letter or digit are dropped; no term left → an empty list.
 */
export function parseSearchQuery(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const text = input.normalize('NFC');
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) {
      const phrase = match[1].trim().replace(/\s+/g, ' ');
      if (HAS_WORD.test(phrase)) terms.push({ kind: 'phrase', text: phrase });
    } else {
      const word = match[2];
      if (!HAS_WORD.test(word)) continue;
      if (word.endsWith('*')) {
        // The prefix is what precedes the star, its last word only ("QT-0*" → "0" after "QT").
        const stem = word.replace(/\*+$/, '');
        const parts = stem.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
        const last = parts.pop();
        if (parts.length) terms.push({ kind: 'word', text: parts.join(' ') });
        if (last) terms.push({ kind: 'prefix', text: last });
      } else terms.push({ kind: 'word', text: word });
    }
    if (terms.length >= MAX_TERMS) break;
  }
  return terms.slice(0, MAX_TERMS);
}

/**
 * The tsquery of the terms in SQL, each term a bound parameter parsed by PostgreSQL's own parser
 * with the `eiso_vi` configuration (accents folded), so that "QT-01" or "05/2020" are split as in
 * the index. `param` binds a value and returns its placeholder.
 */
export function tsqueryExpression(terms: readonly SearchTerm[], param: (value: string) => string): string {
  return terms
    .map((term) => {
      if (term.kind === 'prefix') {
        const quoted = `'${term.text.replace(/'/g, "''")}':*`;
        return `to_tsquery('eiso_vi', ${param(quoted)})`;
      }
      // A single word is a phrase of its parts ("QT-01" → qt <-> -01), as the index stores it.
      return `phraseto_tsquery('eiso_vi', ${param(term.text)})`;
    })
    .join(' && ');
}

/**
 * The word the snippet is cut around: the longest of the query's words (the likeliest to be
 * rare), folded as the index folds it (no accents, lower case), letters and digits only, so it is
 * safe inside a regular expression. null when there is none.
 */
export function anchorWord(terms: readonly SearchTerm[]): string | null {
  const words = terms
    .flatMap((t) => t.text.split(/[^\p{L}\p{N}]+/u))
    .map((w) => foldVietnamese(w).replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
  if (!words.length) return null;
  return words.reduce((longest, w) => (w.length > longest.length ? w : longest));
}
