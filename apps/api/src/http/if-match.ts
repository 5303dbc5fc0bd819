import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { Request } from 'express';
import { DomainException, ErrorCode } from '@eiso/common';
import { errorResponseOf } from './openapi/api-errors.decorator';
import { parseIfMatch } from './etag';

/**
 * The If-Match rule (DESIGN §11): an edit of a resource's fields requires the ETag its client
 * read (428 without, 412 when stale); a transition or act on a resource accepts it (412 when
 * stale, no check without); a creation or an act with no version of its own takes none.
 */
export type IfMatchUse = 'required' | 'optional';

/** The request's If-Match as a row version: `required` answers 428 without one; 412 when malformed. */
export function versionFromIfMatch(header: string | undefined, use: IfMatchUse): number | undefined {
  if (!header) {
    if (use === 'required') throw new DomainException(ErrorCode.PreconditionRequired);
    return undefined;
  }
  return parseIfMatch(header);
}

const DESCRIPTIONS: Record<IfMatchUse, string> = {
  required: 'ETag nhận được khi đọc (ví dụ "3"). Bắt buộc: thiếu thì trả 428; đã cũ thì trả 412.',
  optional:
    'ETag nhận được khi đọc (ví dụ "3"). Không bắt buộc: khi gửi, nếu dữ liệu đã thay đổi thì trả 412 và không thực hiện.',
};

/**
 * Documents the header on the operation whose parameter reads it: `required` only where the
 * server refuses a request without it, and the 412 (and 428) answers with the error body.
 */
function documentIfMatch(use: IfMatchUse): ParameterDecorator {
  return (target, key) => {
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
    const header = { name: 'If-Match', required: use === 'required', description: DESCRIPTIONS[use] };
    ApiHeader(header)(target, key, descriptor);
    ApiResponse(errorResponseOf(412))(target, key, descriptor);
    if (use === 'required') ApiResponse(errorResponseOf(428))(target, key, descriptor);
  };
}

function ifMatchParam(use: IfMatchUse) {
  return createParamDecorator(
    (_data: unknown, ctx: ExecutionContext): number | undefined =>
      versionFromIfMatch(ctx.switchToHttp().getRequest<Request>().headers['if-match'], use),
    [documentIfMatch(use)],
  );
}

/** The row version an edit applies to, from If-Match: 428 without one, 412 when malformed. */
export const IfMatchRequired = ifMatchParam('required');

/** The row version a transition expects, when its client sent If-Match (else undefined). */
export const IfMatchOptional = ifMatchParam('optional');
