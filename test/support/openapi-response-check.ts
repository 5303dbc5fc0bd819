import { createHash } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import {
  ERROR_SCHEMA_REF,
  isJsonMediaType,
  jsonSchemaOf,
  listOperations,
  mediaTypeAdmits,
  mediaTypeOf,
  Operation,
  OperationMatcher,
  parametersOf,
  responseFor,
} from './openapi-operations';
import { OpenApiSchemaValidator } from './openapi-schema-validator';

/** JSON bodies larger than this (bulk exports in load suites) are counted, not validated. */
const CAPTURE_LIMIT_BYTES = 8 * 1024 * 1024;

/** What the suite's responses said against the document: kept on the suite's global object. */
export interface ResponseCheckState {
  /** Violation → how many responses showed it. */
  violations: Map<string, number>;
  /** `GET /api/v1/documents/{id} 200`: what the suite exercised. */
  seen: Set<string>;
  /** Every documented operation, for the coverage report. */
  operations: Set<string>;
}

const STATE = Symbol.for('eiso.openapi.responseCheck');

const READERS = new Map<string, { matcher: OperationMatcher; validator: OpenApiSchemaValidator }>();

/** This suite's state (each jest test file has its own global object). */
export function responseCheckState(): ResponseCheckState {
  const holder = globalThis as { [STATE]?: ResponseCheckState };
  holder[STATE] ??= { violations: new Map(), seen: new Set(), operations: new Set() };
  return holder[STATE];
}

interface CapturedResponse {
  method: string;
  url: string;
  headers: Request['headers'];
  status: number;
  mediaType: string;
  bytes: number;
  /** The body when it is JSON and small enough to check. */
  json?: Buffer;
}

/**
 * Validates every response of a test app against the operation and status it documents: JSON
 * bodies against their schema (4xx and 5xx against the error body), other bodies by media type
 * (the only escape hatch: bytes of a file are not JSON), statuses the operation does not list,
 * and a success without a parameter the document marks `required`.
 */
export class OpenApiResponseCheck {
  private matcher?: OperationMatcher;
  private validator?: OpenApiSchemaValidator;

  /** Records into the suite's state unless given another (the checker's own tests). */
  constructor(private readonly state: ResponseCheckState = responseCheckState()) {}

  /** Starts checking against the app's own document (served once the app is initialised). */
  use(document: OpenAPIObject): void {
    // The contexts of a suite serve the same document: its compiled schemas are shared.
    const key = createHash('sha256').update(JSON.stringify(document)).digest('hex');
    let readers = READERS.get(key);
    if (!readers) {
      readers = { matcher: new OperationMatcher(document), validator: new OpenApiSchemaValidator(document) };
      READERS.set(key, readers);
    }
    ({ matcher: this.matcher, validator: this.validator } = readers);
    for (const op of listOperations(document)) this.state.operations.add(op.label);
  }

  /** An express middleware for `app.use` before the routes: it watches what each response sends. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let json: boolean | undefined;
    const capture = (chunk: unknown, encoding: unknown): void => {
      let buffer: Buffer;
      if (typeof chunk === 'string') {
        buffer = Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      } else if (chunk instanceof Uint8Array) buffer = Buffer.from(chunk);
      else return;
      json ??= isJsonMediaType(mediaTypeOf(String(res.getHeader('content-type') ?? '')));
      bytes += buffer.length;
      if (json && bytes <= CAPTURE_LIMIT_BYTES) chunks.push(buffer);
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.write = ((...args: unknown[]) => {
      capture(args[0], args[1]);
      return write(...args);
    }) as Response['write'];
    res.end = ((...args: unknown[]) => {
      capture(args[0], args[1]);
      return end(...args);
    }) as Response['end'];
    res.once('finish', () =>
      this.check({
        method: req.method,
        url: req.originalUrl,
        headers: req.headers,
        status: res.statusCode,
        mediaType: mediaTypeOf(String(res.getHeader('content-type') ?? '')),
        bytes,
        json: json && bytes <= CAPTURE_LIMIT_BYTES ? Buffer.concat(chunks) : undefined,
      }),
    );
    next();
  };

  private check(response: CapturedResponse): void {
    if (!this.matcher || !this.validator || response.method === 'HEAD') return;
    const op = this.matcher.match(response.method, response.url);
    if (!op) {
      // Outside the document (unknown routes, the docs themselves): errors still carry the error body.
      if (response.status >= 400 && response.json) {
        const where = `${response.method} ${response.url.split('?')[0]} → ${response.status}`;
        for (const problem of this.bodyProblems({ $ref: ERROR_SCHEMA_REF }, response.json)) {
          this.violation(`${where} (no operation): ${problem}`);
        }
      }
      return;
    }
    this.state.seen.add(`${op.label} ${response.status}`);
    for (const problem of this.problemsOf(op, response))
      this.violation(`${op.label} → ${response.status}: ${problem}`);
  }

  private problemsOf(op: Operation, response: CapturedResponse): string[] {
    const { status } = response;
    const documented = responseFor(op.operation, status);
    if (!documented) return [`status ${status} is not documented`];
    const problems: string[] = [];
    if (status < 300) {
      for (const p of parametersOf(op.operation)) {
        const sent =
          p.in === 'header'
            ? response.headers[p.name.toLowerCase()] !== undefined
            : p.in === 'query'
              ? new URL(response.url, 'http://x').searchParams.has(p.name)
              : true;
        if (p.required && !sent) {
          problems.push(
            `${p.in} parameter ${p.name} is documented as required; the server answered ${status} without it`,
          );
        }
      }
    }
    const declared = Object.keys(documented.content ?? {});
    if (response.bytes === 0) {
      if (declared.length && status < 300)
        problems.push(`answered no body; documented: ${declared.join(', ')}`);
      return problems;
    }
    if (isJsonMediaType(response.mediaType)) {
      const schema = jsonSchemaOf(documented);
      if (!schema) problems.push(`answered JSON; the documented response has no JSON schema`);
      else if (response.json) problems.push(...this.bodyProblems(schema, response.json));
      return problems;
    }
    // Not JSON: a file, a PDF, a redirect's note. Only its media type is checked.
    if (status >= 300 && status < 400) return problems;
    const admitted = declared.some(
      (type) => mediaTypeAdmits(type, response.mediaType) || type === 'application/octet-stream',
    );
    if (!admitted) {
      problems.push(
        `answered ${response.mediaType || 'no media type'}; documented: ${declared.join(', ') || 'no content'}`,
      );
    }
    return problems;
  }

  private bodyProblems(schema: Parameters<OpenApiSchemaValidator['problems']>[0], body: Buffer): string[] {
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      return ['answered a body that is not valid JSON'];
    }
    return this.validator!.problems(schema, value);
  }

  private violation(text: string): void {
    this.state.violations.set(text, (this.state.violations.get(text) ?? 0) + 1);
  }
}
