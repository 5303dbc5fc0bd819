import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@eiso/common';
import { Request } from 'express';

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

/** The signed-in user as the services see it (set by the global guard). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('CurrentActor used on a route without authentication');
  return request.actor;
});
