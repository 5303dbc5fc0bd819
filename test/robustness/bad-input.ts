import { createHmac, randomUUID } from 'node:crypto';
import { JsonSchema } from './openapi-operations';

/** One bad request: a body, a query value (already URL-encoded) and/or headers. */
export interface BadCase {
  name: string;
  body?: string;
  value?: string;
  headers?: Record<string, string>;
  /** Never a 2xx or 3xx: the input cannot be meant, whatever the route does with the rest. */
  mustRefuse?: boolean;
}

const JSON_TYPE = { 'content-type': 'application/json' };

function withEvery(
  schema: JsonSchema,
  pick: (p: JsonSchema, name: string) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const value = pick(prop, name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

const isDate = (p: JsonSchema, name: string): boolean =>
  p.format === 'date' || p.format === 'date-time' || /date|from|until|at$/i.test(name);

/** The body classes of issue 9 §2 for an operation whose body has `schema`. */
export function BAD_BODIES(schema: JsonSchema): BadCase[] {
  const strings = (value: string) => withEvery(schema, (p) => (p.type === 'string' ? value : undefined));
  return [
    { name: 'malformed JSON', mustRefuse: true, body: '{"a":', headers: JSON_TYPE },
    { name: 'array instead of object', mustRefuse: true, body: '[]', headers: JSON_TYPE },
    {
      name: 'JSON nested 5000 deep',
      body: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
      headers: JSON_TYPE,
    },
    {
      name: 'body over the limit',
      body: JSON.stringify({ username: 'a'.repeat(1_500_000) }),
      headers: JSON_TYPE,
    },
    {
      name: 'unknown Content-Encoding',
      mustRefuse: true,
      body: '{}',
      headers: { ...JSON_TYPE, 'content-encoding': 'zz' },
    },
    {
      name: 'gzip that is not gzip',
      mustRefuse: true,
      body: '{}',
      headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
    },
    {
      name: 'unsupported charset',
      body: '{}',
      headers: { 'content-type': 'application/json; charset=latin-99' },
    },
    {
      name: 'NUL in every string',
      mustRefuse: true,
      body: JSON.stringify(strings('a\u0000b')),
      headers: JSON_TYPE,
    },
    {
      name: 'lone surrogate in every string',
      mustRefuse: true,
      body: JSON.stringify(strings('a\ud800b')),
      headers: JSON_TYPE,
    },
    { name: 'null for every field', body: JSON.stringify(withEvery(schema, () => null)), headers: JSON_TYPE },
    {
      name: 'objects for every field',
      body: JSON.stringify(withEvery(schema, () => ({ $gt: '' }))),
      headers: JSON_TYPE,
    },
    {
      name: 'huge numbers',
      body: JSON.stringify(
        withEvery(schema, (p) => (p.type === 'number' || p.type === 'integer' ? 1e21 : undefined)),
      ),
      headers: JSON_TYPE,
    },
    ...['20260101', '2026-W01-1', '9999-12-31', '-271821-04-20', '2026-02-30'].map((date): BadCase => ({
      name: `date ${date}`,
      body: JSON.stringify(withEvery(schema, (p, name) => (isDate(p, name) ? date : undefined))),
      headers: JSON_TYPE,
    })),
  ];
}

/** Query values (URL-encoded), given to every query parameter in turn. */
export const BAD_QUERY_VALUES: BadCase[] = [
  { name: 'NUL', value: 'a%00b', mustRefuse: true },
  // Decoded to U+FFFD by the query parser: storable, so a route may accept it.
  { name: 'invalid UTF-8 (lone surrogate)', value: '%ED%A0%80' },
  { name: 'page 1e21', value: '1e21' },
  { name: '20-digit number', value: '99999999999999999999' },
  { name: 'negative', value: '-1' },
  { name: 'week date', value: '2026-W01-1' },
  { name: 'date without dashes', value: '20260101' },
  { name: 'year 9999', value: '9999-12-31' },
  { name: 'repeated parameter', value: 'a&x=b' },
  { name: '10 kB value', value: 'a'.repeat(10_000) },
];

/** Headers every operation must shrug off. */
export const BAD_HEADERS: BadCase[] = [
  { name: 'If-Match too big', headers: { 'if-match': '"99999999999999999999999"' } },
  { name: 'If-Match not a number', headers: { 'if-match': '"abc"' } },
  { name: 'If-Match negative', headers: { 'if-match': '"-1"' } },
  { name: 'X-Request-Id malformed', headers: { 'x-request-id': '<script>alert(1)</script> a;b=c' } },
];

/** An HS256 token signed with `secret`. */
export function signJwt(payload: object, secret: string): string {
  const enc = (v: object): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = enc({ alg: 'HS256', typ: 'JWT' });
  const body = enc(payload);
  return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
}

/** Tokens nobody but the server can make, made anyway: each must be refused. */
export function forgedTokens(valid: string, secret: string): Record<string, string> {
  const [head, body, signature] = valid.split('.');
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  const enc = (v: object): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  return {
    'alg none': `${enc({ alg: 'none', typ: 'JWT' })}.${body}.`,
    'wrong secret': signJwt(payload, 'not-the-secret-of-this-server-0000'),
    'claims changed, old signature': `${head}.${enc({ ...payload, roles: ['admin'], sub: randomUUID() })}.${signature}`,
    expired: signJwt({ ...payload, iat: 1_600_000_000, exp: 1_600_000_900 }, secret),
    'user that does not exist': signJwt({ ...payload, sub: randomUUID() }, secret),
    garbage: 'abc.def.ghi',
  };
}

/** Multipart bodies that once stopped the process or answered 500 (issue 9 §1, §2). */
export function BAD_MULTIPARTS(): BadCase[] {
  const boundary = 'eisoRobustBoundary';
  const type = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  const part = (headers: string, body: string): string => `--${boundary}\r\n${headers}\r\n\r\n${body}\r\n`;
  const file = (name: string): string =>
    part(
      `Content-Disposition: form-data; name="file"; ${name}\r\nContent-Type: application/pdf`,
      '%PDF-1.4 thử',
    );
  return [
    {
      name: 'multipart without boundary',
      mustRefuse: true,
      body: 'x',
      headers: { 'content-type': 'multipart/form-data' },
    },
    {
      mustRefuse: true,
      name: 'multipart kind=evil',
      body: `${part('Content-Disposition: form-data; name="kind"', 'evil')}${file('filename="a.pdf"')}--${boundary}--\r\n`,
      headers: type,
    },
    {
      mustRefuse: true,
      name: 'multipart without its closing boundary',
      body: `${part('Content-Disposition: form-data; name="kind"', 'primary')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4`,
      headers: type,
    },
    {
      mustRefuse: true,
      name: 'multipart NUL in file name',
      body: `${file(`filename*=UTF-8''a%00b.pdf`)}--${boundary}--\r\n`,
      headers: type,
    },
    {
      // Decoded to U+FFFD by the multipart parser: storable.
      name: 'multipart lone surrogate in file name',
      body: `${file(`filename*=UTF-8''a%ED%A0%80b.pdf`)}--${boundary}--\r\n`,
      headers: type,
    },
    {
      mustRefuse: true,
      name: 'multipart NUL in a field',
      body: `${part('Content-Disposition: form-data; name="kind"', 'pri\u0000mary')}${file('filename="a.pdf"')}--${boundary}--\r\n`,
      headers: type,
    },
  ];
}
