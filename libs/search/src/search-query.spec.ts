import { anchorWord, MAX_TERMS, parseSearchQuery, tsqueryExpression } from './search-query';

describe('parseSearchQuery', () => {
  it('reads words, "phrases" and prefixes*', () => {
    expect(parseSearchQuery('thời hạn "giải quyết hồ sơ" quyết*')).toEqual([
      { kind: 'word', text: 'thời' },
      { kind: 'word', text: 'hạn' },
      { kind: 'phrase', text: 'giải quyết hồ sơ' },
      { kind: 'prefix', text: 'quyết' },
    ]);
  });

  it('takes an unclosed quote as a phrase to the end', () => {
    expect(parseSearchQuery('"thoi han giai')).toEqual([{ kind: 'phrase', text: 'thoi han giai' }]);
  });

  it('keeps the last part of a prefix with punctuation as the prefix, the rest as a word', () => {
    expect(parseSearchQuery('QT-0*')).toEqual([
      { kind: 'word', text: 'QT' },
      { kind: 'prefix', text: '0' },
    ]);
  });

  it('drops what has no letter or digit: operators are text, never syntax', () => {
    expect(parseSearchQuery('"" *** -- & | ! <-> :*')).toEqual([]);
    expect(parseSearchQuery("  'a'  ")).toEqual([{ kind: 'word', text: "'a'" }]);
  });

  it('normalizes to NFC (decomposed input from a Mac keyboard matches)', () => {
    const decomposed = 'hạn'.normalize('NFD');
    expect(parseSearchQuery(decomposed)).toEqual([{ kind: 'word', text: 'hạn' }]);
  });

  it(`keeps at most ${MAX_TERMS} terms`, () => {
    expect(parseSearchQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_TERMS);
  });
});

describe('tsqueryExpression', () => {
  it('binds every term as a parameter: user text never reaches the SQL', () => {
    const params: string[] = [];
    const sql = tsqueryExpression(parseSearchQuery(`"thời hạn" o'neil* x'); DROP TABLE y; --`), (v) => {
      params.push(v);
      return `$${params.length}`;
    });
    // Only function calls on placeholders: no character the user typed.
    expect(sql).toMatch(/^((phraseto_tsquery|to_tsquery)\('eiso_vi', \$\d+\)( && )?)+$/);
    expect(sql).not.toMatch(/DROP|neil/);
    expect(params[0]).toBe('thời hạn');
    expect(params).toContain("'neil':*");
  });

  it('quotes a prefix for to_tsquery, doubling its quotes', () => {
    const params: string[] = [];
    tsqueryExpression([{ kind: 'prefix', text: "o'ne" }], (v) => {
      params.push(v);
      return `$${params.length}`;
    });
    expect(params).toEqual(["'o''ne':*"]);
  });
});

describe('anchorWord', () => {
  it('is the longest word of the query, folded as the index folds it', () => {
    expect(anchorWord(parseSearchQuery('thời hạn "giải quyết" Đắk*'))).toBe('quyet');
    expect(anchorWord(parseSearchQuery('Đường'))).toBe('duong');
  });

  it('keeps only letters and digits: safe in a regular expression', () => {
    expect(anchorWord(parseSearchQuery('a.b*c+ (x)'))).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(anchorWord([])).toBeNull();
  });
});
