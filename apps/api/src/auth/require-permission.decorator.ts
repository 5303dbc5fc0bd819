import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Permission } from '@eiso/common';

export const REQUIRED_PERMISSION = 'eiso:permission';

/** The one permission a route requires; the global guard denies routes that declare none. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Chưa đăng nhập hoặc phiên đã hết hạn' }),
    ApiForbiddenResponse({ description: `Cần quyền ${permission}` }),
  );
