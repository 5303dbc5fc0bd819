import { DomainException, ErrorCode } from '@eiso/common';
import { assertCleanText, cleanInput, MAX_INPUT_DEPTH } from './clean-text';
import { NfcPipe } from './nfc.pipe';

interface Refusal {
  code: ErrorCode;
  errors: { field: string; rules: string[]; message: string }[];
}

function refusalOf(work: () => unknown): Refusal {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    const domain = error as DomainException;
    return { code: domain.code, errors: (domain.details as { errors: Refusal['errors'] }).errors };
  }
  throw new Error('expected a refusal');
}

function nested(depth: number): unknown {
  let value: unknown = 'đáy';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('assertCleanText', () => {
  it('answers text PostgreSQL and JSON can carry, astral characters included', () => {
    expect(assertCleanText('Quy trình 😀 \t\n')).toBe('Quy trình 😀 \t\n');
  });

  it.each([
    ['a NUL', 'Sở\u0000Tư pháp'],
    ['a lone high surrogate', 'abc\ud800'],
    ['a lone low surrogate', '\udc00abc'],
    ['a pair cut in half', '😀'.slice(0, 1)],
  ])('refuses %s, naming the field', (_label, text) => {
    expect(refusalOf(() => assertCleanText(text, 'fileName'))).toEqual({
      code: ErrorCode.ValidationFailed,
      errors: [
        {
          field: 'fileName',
          label: 'Tên tệp',
          rules: ['cleanText'],
          message: expect.stringMatching(/^Tên tệp chứa ký tự không hợp lệ/),
        },
      ],
    });
  });
});

describe('cleanInput', () => {
  it('normalizes every string and key to NFC, in objects, arrays and null-prototype query objects', () => {
    const decomposed = 'Quy trình'.normalize('NFD');
    const query = Object.assign(Object.create(null) as Record<string, unknown>, { q: decomposed });
    expect(cleanInput({ title: decomposed, list: [decomposed, 3, null, true] })).toEqual({
      title: 'Quy trình',
      list: ['Quy trình', 3, null, true],
    });
    expect(cleanInput(query)).toEqual({ q: 'Quy trình' });
  });

  it('names the path of a refused value or key', () => {
    expect(refusalOf(() => cleanInput({ distribution: { userIds: ['x', 'a\u0000'] } })).errors[0].field).toBe(
      'distribution.userIds.1',
    );
    const key = refusalOf(() => cleanInput({ ['a\u0000b']: 1 })).errors[0];
    expect(key).toMatchObject({ field: 'a\\u0000b', rules: ['cleanText'] });
    expect(key.field).not.toContain('\u0000');
  });

  it(`accepts ${MAX_INPUT_DEPTH} levels of nesting and refuses one more`, () => {
    expect(() => cleanInput(nested(MAX_INPUT_DEPTH))).not.toThrow();
    expect(refusalOf(() => cleanInput(nested(MAX_INPUT_DEPTH + 1))).errors[0].rules).toEqual(['maxDepth']);
  });

  it('refuses input nested a hundred thousand deep without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(refusalOf(() => cleanInput({ username: deep })).errors[0]).toMatchObject({ rules: ['maxDepth'] });
  });

  it('keeps a `__proto__` key a plain key', () => {
    const out = cleanInput(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('leaves buffers and dates alone', () => {
    const bytes = Buffer.from([0]);
    const date = new Date();
    expect(cleanInput({ bytes, date })).toEqual({ bytes, date });
  });
});

describe('NfcPipe', () => {
  const pipe = new NfcPipe();

  it('cleans bodies, query strings and path parameters, naming a single parameter by its name', () => {
    expect(pipe.transform({ name: 'e\u0301' }, { type: 'body' })).toEqual({ name: 'é' });
    expect(
      refusalOf(() => pipe.transform('pdf\u0000', { type: 'query', data: 'format' })).errors[0].field,
    ).toBe('format');
  });

  it('leaves values of custom decorators (the actor, If-Match) untouched', () => {
    const actor = { name: 'a\u0000' };
    expect(pipe.transform(actor, { type: 'custom' })).toBe(actor);
  });
});
