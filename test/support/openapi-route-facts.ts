import { INestApplication, PipeTransform, Type } from '@nestjs/common';
import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Permission } from '@eiso/common';
import { PUBLIC_ROUTE } from '../../apps/api/src/auth/public.decorator';
import { REQUIRED_PERMISSION } from '../../apps/api/src/auth/require-permission.decorator';
import { UuidParamPipe } from '../../apps/api/src/http/uuid-param.pipe';

/** What the code (not the document) says of a route: whether it is open, its permission, its id params. */
export interface RouteFacts {
  isPublic: boolean;
  permission?: Permission;
  /** Path parameters read through UuidParamPipe: a malformed one answers 400. */
  uuidParams: string[];
}

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: (Type<PipeTransform> | PipeTransform)[];
}

/**
 * The routes' facts keyed by the OpenAPI operationId nestjs/swagger gives them by default
 * (`<Controller>_<method>`), read from the running app's controllers.
 */
export function routeFactsByOperationId(app: INestApplication): Map<string, RouteFacts> {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const facts = new Map<string, RouteFacts>();
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as Type | null;
    if (!type || !wrapper.instance) continue;
    const proto = Object.getPrototypeOf(wrapper.instance) as Record<string, (...args: unknown[]) => unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as Record<
        string,
        RouteArgument
      >;
      const uuidParams = Object.entries(args)
        .filter(
          ([key, arg]) => key.startsWith(`${RouteParamtypes.PARAM}:`) && arg.pipes?.includes(UuidParamPipe),
        )
        .map(([, arg]) => String(arg.data));
      facts.set(`${type.name}_${name}`, {
        isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, type]) === true,
        permission: reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [handler, type]),
        uuidParams,
      });
    }
  }
  return facts;
}
