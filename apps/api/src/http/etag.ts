import {
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import { DomainException, ErrorCode } from '@eiso/common';

/** ETags of editable resources are their row version: `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Reads the version a client edits from If-Match (strong or weak form); a write without one is refused. */
export function versionFromIfMatch(header: string | undefined): number {
  if (!header) throw new DomainException(ErrorCode.PreconditionRequired);
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(header);
  if (!match) throw new DomainException(ErrorCode.PreconditionFailed, { ifMatch: header });
  return Number(match[1]);
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

/** The route answers an editable resource: its `version` goes out as the ETag. */
export const VersionEtag = (): MethodDecorator & ClassDecorator => UseInterceptors(VersionEtagInterceptor);

/** The row version the client read, from If-Match: 428 without one, 412 when malformed. */
export const IfMatchVersion = createParamDecorator((_data: unknown, ctx: ExecutionContext): number =>
  versionFromIfMatch(ctx.switchToHttp().getRequest<Request>().headers['if-match']),
);
