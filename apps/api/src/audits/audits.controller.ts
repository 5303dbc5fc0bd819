import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditsService, AuditView } from '@eiso/audits';
import { Actor, Page, Permission } from '@eiso/common';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchOptional, IfMatchRequired } from '../http/if-match';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiPageResponse } from '../http/openapi/page';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { CreateAuditDto, ListAuditsQueryDto, UpdateAuditDto } from './dto/audit.dto';
import { AuditResponse } from './dto/audit.response';

@ApiTags('Đánh giá nội bộ')
@Controller('audits')
export class AuditsController {
  constructor(private readonly audits: AuditsService) {}

  @Post()
  @VersionEtag()
  @RequirePermission(Permission.AuditPlan)
  @ApiOperation({
    summary:
      'Lập kế hoạch cuộc đánh giá: phạm vi (phòng, ban, điều khoản, quy trình TTHC), thời gian, đoàn đánh giá độc lập',
  })
  @ApiCreatedResponse({ type: AuditResponse })
  @ApiErrors(400, 404, 413, 415, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAuditDto): Promise<AuditView> {
    return this.audits.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({
    summary: 'Danh sách cuộc đánh giá (lọc theo năm, trạng thái, chương trình, phòng, ban, đánh giá viên)',
  })
  @ApiPageResponse(AuditResponse)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListAuditsQueryDto): Promise<Page<AuditView>> {
    return this.audits.list(actor, query);
  }

  @Get(':id')
  @VersionEtag()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Xem một cuộc đánh giá' })
  @ApiOkResponse({ type: AuditResponse })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<AuditView> {
    return this.audits.get(actor, id);
  }

  @Patch(':id')
  @VersionEtag()
  @RequirePermission(Permission.AuditPlan)
  @ApiOperation({ summary: 'Sửa kế hoạch khi cuộc đánh giá chưa bắt đầu (cần If-Match)' })
  @ApiOkResponse({ type: AuditResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateAuditDto,
    @IfMatchRequired() expectedVersion: number,
  ): Promise<AuditView> {
    return this.audits.update(actor, id, dto, expectedVersion);
  }

  @Post(':id/issue-plan')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.AuditPlan)
  @ApiOperation({
    summary: 'Ban hành kế hoạch đánh giá: thông báo cho trưởng các đơn vị được đánh giá và đoàn đánh giá',
  })
  @ApiOkResponse({ type: AuditResponse })
  @ApiErrors(400, 404, 409)
  issuePlan(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<AuditView> {
    return this.audits.issuePlan(actor, id, expectedVersion);
  }

  @Post(':id/start')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.AuditConduct)
  @ApiOperation({ summary: 'Trưởng đoàn bắt đầu đánh giá; danh mục kiểm tra được lập từ phạm vi' })
  @ApiOkResponse({ type: AuditResponse })
  @ApiErrors(400, 403, 404, 409, 422)
  start(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<AuditView> {
    return this.audits.start(actor, id, expectedVersion);
  }
}
