import { Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainException, ErrorCode, Permission } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { NoStore } from '../auth/no-store.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { errorResponseOf } from '../http/openapi/api-errors.decorator';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_PATH } from './queue-dashboard.constants';

/**
 * A browser opening /admin/queues sends no Authorization header: the admin's client calls this
 * first, and the answer sets the caller's access token as a cookie that goes only to the
 * dashboard (HttpOnly, SameSite=Strict, Path=/admin/queues). It lives no longer than the token,
 * and dies with the session (logout, deactivation, password change), as the token does.
 */
@ApiTags('Quản trị — công việc chạy nền')
@Controller('admin/queues')
export class QueueDashboardSessionController {
  constructor(private readonly config: AppConfig) {}

  @Post('session')
  @HttpCode(HttpStatus.NO_CONTENT)
  @NoStore()
  @RequirePermission(Permission.JobRun)
  @ApiOperation({
    summary: 'Mở bảng theo dõi hàng đợi /admin/queues trên trình duyệt (đặt cookie phiên cho trang đó)',
  })
  @ApiNoContentResponse({ description: `Cookie ${QUEUE_DASHBOARD_COOKIE} đã được đặt` })
  @ApiResponse(errorResponseOf(404, 'QUEUE_DASHBOARD_UNAVAILABLE: hồ sơ embedded không có Redis.'))
  open(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    if (!this.config.usesRedis) throw new DomainException(ErrorCode.QueueDashboardUnavailable);
    // The guard has just checked this header's token.
    const token = (request.headers.authorization ?? '').split(' ')[1] ?? '';
    response.cookie(QUEUE_DASHBOARD_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: `/${QUEUE_DASHBOARD_PATH}`,
      maxAge: this.config.ACCESS_TOKEN_TTL_SECONDS * 1000,
    });
  }
}
