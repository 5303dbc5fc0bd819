import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Permission } from '@eiso/common';
import { NotificationPage, NotificationsService, NotificationView } from '@eiso/notifications';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationResponse, UnreadCountResponse } from './dto/notification.response';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiPageResponse } from '../http/openapi/page';
import { UuidParamPipe } from '../http/uuid-param.pipe';

/** The signed-in user's own inbox. */
@ApiTags('Thông báo')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission(Permission.ProfileRead)
  @ApiOperation({ summary: 'Thông báo của tôi, mới nhất trước, kèm số chưa đọc' })
  @ApiPageResponse(NotificationResponse, UnreadCountResponse)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery): Promise<NotificationPage> {
    return this.notifications.list(actor, query);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.ProfileRead)
  @ApiOperation({ summary: 'Đánh dấu một thông báo của tôi là đã đọc' })
  @ApiOkResponse({ type: NotificationResponse })
  @ApiErrors(400, 404)
  markRead(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<NotificationView> {
    return this.notifications.markRead(actor, id);
  }
}
