import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import {
  CorrectiveActionListItemView,
  CorrectiveActionsService,
  CorrectiveActionVerificationService,
  CorrectiveActionView,
} from '@eiso/capa';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchOptional, IfMatchRequired } from '../http/if-match';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiPageResponse } from '../http/openapi/page';
import {
  CreateCorrectiveActionDto,
  ListCorrectiveActionsQueryDto,
  UpdateCorrectiveActionDto,
  VerifyCorrectiveActionDto,
} from './dto/corrective-action.dto';
import { CorrectiveActionListItemResponse, CorrectiveActionResponse } from './dto/corrective-action.response';

@ApiTags('Hành động khắc phục')
@VersionEtag()
@Controller('corrective-actions')
export class CorrectiveActionsController {
  constructor(
    private readonly correctiveActions: CorrectiveActionsService,
    private readonly verification: CorrectiveActionVerificationService,
  ) {}

  @Post()
  @RequirePermission(Permission.CorrectiveActionManage)
  @ApiOperation({
    summary: 'Lập phiếu yêu cầu hành động khắc phục cho một sự không phù hợp (trạng thái mới mở)',
  })
  @ApiCreatedResponse({ type: CorrectiveActionResponse })
  @ApiErrors(400, 404, 409, 422)
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateCorrectiveActionDto,
  ): Promise<CorrectiveActionView> {
    return this.correctiveActions.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.NonconformityRead)
  @ApiOperation({
    summary:
      'Bảng theo dõi hành động khắc phục theo trạng thái (lọc quá hạn, người thực hiện, người kiểm tra…)',
  })
  @ApiPageResponse(CorrectiveActionListItemResponse)
  @ApiErrors(400)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListCorrectiveActionsQueryDto,
  ): Promise<Page<CorrectiveActionListItemView>> {
    return this.correctiveActions.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.NonconformityRead)
  @ApiOperation({
    summary: 'Xem phiếu: hành động mọi lần thực hiện, các lần kiểm tra hiệu lực và lý do chưa thể kết thúc',
  })
  @ApiOkResponse({ type: CorrectiveActionResponse })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<CorrectiveActionView> {
    return this.correctiveActions.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.CorrectiveActionManage)
  @ApiOperation({
    summary: 'Sửa khắc phục tức thời, nguyên nhân, 5 tại sao, người kiểm tra, số ngày chờ kiểm tra',
  })
  @ApiOkResponse({ type: CorrectiveActionResponse })
  @ApiErrors(400, 404, 409, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateCorrectiveActionDto,
    @IfMatchRequired() expectedVersion: number,
  ): Promise<CorrectiveActionView> {
    return this.correctiveActions.update(actor, id, dto, expectedVersion);
  }

  @Post(':id/plan')
  @HttpCode(200)
  @RequirePermission(Permission.CorrectiveActionManage)
  @ApiOperation({
    summary: 'Hoàn thành kế hoạch: cần nguyên nhân gốc rễ, ít nhất một hành động và người kiểm tra hiệu lực',
  })
  @ApiOkResponse({ type: CorrectiveActionResponse })
  @ApiErrors(400, 404, 409, 422)
  plan(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<CorrectiveActionView> {
    return this.correctiveActions.plan(actor, id, expectedVersion);
  }

  @Post(':id/start')
  @HttpCode(200)
  @RequirePermission(Permission.CorrectiveActionManage)
  @ApiOperation({ summary: 'Bắt đầu thực hiện các hành động đã lập kế hoạch' })
  @ApiOkResponse({ type: CorrectiveActionResponse })
  @ApiErrors(400, 404, 409, 422)
  start(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<CorrectiveActionView> {
    return this.correctiveActions.start(actor, id, expectedVersion);
  }

  @Post(':id/verification')
  @HttpCode(200)
  @RequirePermission(Permission.CorrectiveActionVerify)
  @ApiOperation({
    summary:
      'Kiểm tra hiệu lực (người được phân công, không thực hiện hành động nào): có hiệu lực thì kết thúc phiếu và sự không phù hợp; chưa có hiệu lực thì thực hiện lại (lần mới)',
  })
  @ApiOkResponse({ type: CorrectiveActionResponse })
  @ApiErrors(400, 403, 404, 409, 422)
  verify(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: VerifyCorrectiveActionDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<CorrectiveActionView> {
    return this.verification.verify(actor, id, dto, expectedVersion);
  }
}
