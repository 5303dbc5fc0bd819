import { HIT_END, HIT_START, snippetParts } from './snippet';

const mark = (text: string) => `${HIT_START}${text}${HIT_END}`;

describe('snippetParts', () => {
  it('splits a headline into text and hits, joining adjacent hits', () => {
    expect(snippetParts(`Trong đó, ${mark('thời')} ${mark('hạn')} giải quyết là 05 ngày`)).toEqual([
      { text: 'Trong đó, ', hit: false },
      { text: 'thời', hit: true },
      { text: ' ', hit: false },
      { text: 'hạn', hit: true },
      { text: ' giải quyết là 05 ngày', hit: false },
    ]);
  });

  it('keeps markup as text: a snippet is never HTML', () => {
    expect(snippetParts(`<b>${mark('x')}</b>`)).toEqual([
      { text: '<b>', hit: false },
      { text: 'x', hit: true },
      { text: '</b>', hit: false },
    ]);
  });

  it('flattens line breaks and drops stray markers', () => {
    expect(snippetParts(`a\n\nb ${HIT_START}c`)).toEqual([{ text: 'a b c', hit: false }]);
    expect(snippetParts('')).toEqual([]);
  });
});
