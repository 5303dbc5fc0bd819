import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { Permission } from '@eiso/common';
import { ApiErrors, errorResponseOf } from '../http/openapi/api-errors.decorator';

export const REQUIRED_PERMISSION = 'eiso:permission';

/** The one permission a route requires; the global guard denies routes that declare none. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    // Every such route answers 401 without a live session and 403 without the permission.
    ApiErrors(401),
    ApiResponse(errorResponseOf(403, `Cần quyền ${permission}.`)),
  );
