import { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of } from 'rxjs';
import { DomainException, ErrorCode } from '@eiso/common';
import { VersionEtagInterceptor } from './etag';
import { versionFromIfMatch } from './if-match';

function codeOf(work: () => unknown): ErrorCode | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof DomainException ? error.code : undefined;
  }
  return undefined;
}

describe.each(['required', 'optional'] as const)('versionFromIfMatch (%s)', (use) => {
  it('reads strong and weak ETags', () => {
    expect(versionFromIfMatch('"7"', use)).toBe(7);
    expect(versionFromIfMatch(' W/"12" ', use)).toBe(12);
  });

  it('answers 412 for anything but a version ETag', () => {
    expect(codeOf(() => versionFromIfMatch('*', use))).toBe(ErrorCode.PreconditionFailed);
    expect(codeOf(() => versionFromIfMatch('"abc"', use))).toBe(ErrorCode.PreconditionFailed);
  });

  it('answers 412 for a version no row can have, instead of passing 1e+23 on to SQL', () => {
    for (const header of ['"99999999999999999999999"', '"9007199254740993"', '"0"', '"-1"', '"1e3"']) {
      expect(codeOf(() => versionFromIfMatch(header, use))).toBe(ErrorCode.PreconditionFailed);
    }
    expect(versionFromIfMatch('"9007199254740991"', use)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('versionFromIfMatch without the header', () => {
  it('answers 428 where the header is required', () => {
    expect(codeOf(() => versionFromIfMatch(undefined, 'required'))).toBe(ErrorCode.PreconditionRequired);
    expect(codeOf(() => versionFromIfMatch('', 'required'))).toBe(ErrorCode.PreconditionRequired);
  });

  it('expects nothing where it is optional', () => {
    expect(versionFromIfMatch(undefined, 'optional')).toBeUndefined();
  });
});

describe('VersionEtagInterceptor', () => {
  async function headersFor(body: unknown): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    const response = { setHeader: (name: string, value: string) => (headers[name] = value) };
    const context = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ExecutionContext;
    const next: CallHandler = { handle: () => of(body) };
    await expect(lastValueFrom(new VersionEtagInterceptor().intercept(context, next))).resolves.toBe(body);
    return headers;
  }

  it('sends the returned resource’s version as its ETag', async () => {
    await expect(headersFor({ id: 'x', version: 3 })).resolves.toEqual({ ETag: '"3"' });
  });

  it('leaves pages and bodies without a version alone', async () => {
    await expect(headersFor({ items: [], total: 0, page: 1, pageSize: 20 })).resolves.toEqual({});
    await expect(headersFor(null)).resolves.toEqual({});
  });
});
