import { readFileSync } from 'node:fs';
import { create } from '@pdf-lib/fontkit';
import { woffToSfnt } from './woff-font';

describe('woffToSfnt', () => {
  const woff = readFileSync(
    require.resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff'),
  );

  it('gives the same font, uncompressed, with every Vietnamese glyph', () => {
    const fromWoff = create(woff);
    const fromSfnt = create(woffToSfnt(woff));

    expect(fromSfnt.numGlyphs).toBe(fromWoff.numGlyphs);
    expect(fromSfnt.postscriptName).toBe(fromWoff.postscriptName);
    for (const char of 'ẢÓỂĐữỹằẫệộ') {
      expect(fromSfnt.hasGlyphForCodePoint(char.codePointAt(0)!)).toBe(true);
    }
    expect(fromSfnt.layout('Kiểm soát').advanceWidth).toBe(fromWoff.layout('Kiểm soát').advanceWidth);
  });

  it('refuses bytes that are not WOFF', () => {
    expect(() => woffToSfnt(Buffer.from('not a font at all, clearly not a font'))).toThrow('WOFF');
  });
});
