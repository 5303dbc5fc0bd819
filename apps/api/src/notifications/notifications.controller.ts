import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Permission } from '@eiso/common';
import { NotificationsService } from '@eiso/notifications';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationPageResponseDto, NotificationResponseDto } from './dto/notification-response.dto';
import { UuidParamPipe } from '../http/uuid-param.pipe';

/** The signed-in user's own inbox. */
@ApiTags('Thông báo')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission(Permission.ProfileRead)
  @ApiOperation({ summary: 'Thông báo của tôi, mới nhất trước, kèm số chưa đọc' })
  @ApiOkResponse({ type: NotificationPageResponseDto })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListNotificationsQuery,
  ): Promise<NotificationPageResponseDto> {
    return this.notifications.list(actor, query);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.ProfileRead)
  @ApiOperation({ summary: 'Đánh dấu một thông báo của tôi là đã đọc' })
  @ApiOkResponse({ type: NotificationResponseDto })
  @ApiNotFoundResponse({ description: 'Không có thông báo này trong hộp thư của bạn' })
  markRead(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<NotificationResponseDto> {
    return this.notifications.markRead(actor, id);
  }
}
