import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainException, ErrorCode, hasPermission, Permission } from '@eiso/common';
import { AuthService } from '@eiso/identity';
import { QUEUE_DASHBOARD_COOKIE } from './queue-dashboard.constants';

/**
 * Who may open the BullMQ dashboard: the holders of `job.run` (the system admin), with the same
 * session check as every API route. The token comes from the `Authorization: Bearer` header or,
 * for a browser that opened the page, from the cookie the session endpoint set. Middleware rather
 * than the route guard: the dashboard is an Express app of its own, not Nest controllers.
 */
@Injectable()
export class QueueDashboardAccess {
  constructor(private readonly auth: AuthService) {}

  /** Throws the error the filter answers (401, 403); resolves when the caller may pass. */
  async check(request: Request): Promise<void> {
    const token = bearerToken(request) ?? cookieValue(request, QUEUE_DASHBOARD_COOKIE);
    if (!token) throw new DomainException(ErrorCode.AuthRequired);
    const { actor, passwordChangeRequired } = await this.auth.authenticate(
      token,
      (request as Request & { id?: string }).id ?? '',
      request.ip ?? '',
    );
    if (passwordChangeRequired) throw new DomainException(ErrorCode.AuthPasswordChangeRequired);
    if (!hasPermission(actor.roles, Permission.JobRun)) {
      throw new DomainException(ErrorCode.Forbidden, { permission: Permission.JobRun });
    }
  }

  /** The Express middleware in front of the dashboard. */
  readonly middleware = async (request: Request, _response: Response, next: NextFunction): Promise<void> => {
    // A rejection reaches Nest's middleware proxy, which answers it through the exception filter.
    await this.check(request);
    next();
  };
}

function bearerToken(request: Request): string | undefined {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value || undefined;
    }
  }
  return undefined;
}
