import { CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { Response } from 'express';
import { Observable, tap } from 'rxjs';
import { DomainException, ErrorCode } from '@eiso/common';

/** ETags of editable resources are their row version: `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The row version in an If-Match (strong or weak form). A version is a positive safe integer: a
 * malformed one, or one no row can have (`"0"`, 23 digits), answers 412 before it reaches SQL.
 */
export function parseIfMatch(header: string): number {
  const match = /^\s*(?:W\/)?"(\d{1,16})"\s*$/.exec(header);
  const version = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new DomainException(ErrorCode.PreconditionFailed, { ifMatch: header.slice(0, 100) });
  }
  return version;
}

/** Sends the returned resource's row version as its ETag. */
@Injectable()
export class VersionEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') response.setHeader('ETag', etagOf(version));
      }),
    );
  }
}

/** The route answers an editable resource: its `version` goes out as the ETag (send it back as If-Match). */
export const VersionEtag = (): MethodDecorator & ClassDecorator => UseInterceptors(VersionEtagInterceptor);
