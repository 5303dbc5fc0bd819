import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainException, ErrorCode, hasPermission, Permission } from '@eiso/common';
import { AuthService } from '@eiso/identity';
import { AuthenticatedRequest } from './current-actor.decorator';
import { PUBLIC_ROUTE } from './public.decorator';
import { REQUIRED_PERMISSION } from './require-permission.decorator';
import { OPEN_WITH_TEMPORARY_PASSWORD } from './temporary-password.decorator';

/**
 * Global and deny-by-default: a route opens only if it is @Public() or declares the permission it
 * needs and the caller's roles grant it. Record-level checks (agency, owner, state) follow in services.
 * An account with a temporary password reaches only routes marked @OpenWithTemporaryPassword().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { id?: string }>();
    if (!permission) {
      this.logger.error(`Route ${request.method} ${request.path} declares no permission: denied`);
      throw new DomainException(ErrorCode.Forbidden);
    }
    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new DomainException(ErrorCode.AuthRequired);
    const { actor, passwordChangeRequired } = await this.auth.authenticate(
      token,
      String(request.id ?? ''),
      request.ip ?? '',
    );
    // A password someone else set opens nothing but its own change (and the profile).
    if (
      passwordChangeRequired &&
      !this.reflector.getAllAndOverride<boolean>(OPEN_WITH_TEMPORARY_PASSWORD, targets)
    ) {
      throw new DomainException(ErrorCode.AuthPasswordChangeRequired);
    }
    if (!hasPermission(actor.roles, permission))
      throw new DomainException(ErrorCode.Forbidden, { permission });
    request.actor = actor;
    return true;
  }
}
