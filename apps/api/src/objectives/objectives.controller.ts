import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import { ObjectiveDetailView, ObjectivesService, ObjectiveView } from '@eiso/objectives';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchOptional, IfMatchRequired } from '../http/if-match';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiPageResponse } from '../http/openapi/page';
import {
  CreateObjectiveDto,
  ListObjectivesQueryDto,
  UpdateObjectiveDto,
  WithdrawObjectiveDto,
} from './dto/objective.dto';
import { ObjectiveDetailResponse, ObjectiveResponse } from './dto/objective.response';

@ApiTags('Mục tiêu chất lượng')
@Controller('objectives')
export class ObjectivesController {
  constructor(private readonly objectives: ObjectivesService) {}

  @Post()
  @VersionEtag()
  @RequirePermission(Permission.ObjectiveManage)
  @ApiOperation({ summary: 'Xây dựng mục tiêu chất lượng của năm và giao đơn vị chủ trì' })
  @ApiCreatedResponse({ type: ObjectiveDetailResponse })
  @ApiErrors(400, 413, 415, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateObjectiveDto): Promise<ObjectiveDetailView> {
    return this.objectives.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.ObjectiveRead)
  @ApiOperation({
    summary:
      'Danh sách mục tiêu chất lượng (lọc theo năm, đơn vị chủ trì, trạng thái, tình trạng đạt, từ khóa)',
  })
  @ApiPageResponse(ObjectiveResponse)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListObjectivesQueryDto): Promise<Page<ObjectiveView>> {
    return this.objectives.list(actor, query);
  }

  @Get(':id')
  @VersionEtag()
  @RequirePermission(Permission.ObjectiveRead)
  @ApiOperation({ summary: 'Xem mục tiêu chất lượng với số liệu các kỳ và tình trạng đạt' })
  @ApiOkResponse({ type: ObjectiveDetailResponse })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<ObjectiveDetailView> {
    return this.objectives.get(actor, id);
  }

  @Patch(':id')
  @VersionEtag()
  @RequirePermission(Permission.ObjectiveManage)
  @ApiOperation({
    summary:
      'Sửa mục tiêu chất lượng (không đổi năm, tần suất đo khi đã có số liệu; không sửa mục tiêu đã hủy bỏ)',
  })
  @ApiOkResponse({ type: ObjectiveDetailResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateObjectiveDto,
    @IfMatchRequired() expectedVersion: number,
  ): Promise<ObjectiveDetailView> {
    return this.objectives.update(actor, id, expectedVersion, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.ObjectiveManage)
  @ApiOperation({ summary: 'Hủy bỏ mục tiêu chất lượng (nêu lý do)' })
  @ApiOkResponse({ type: ObjectiveDetailResponse })
  @ApiErrors(400, 404, 409, 413, 415)
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: WithdrawObjectiveDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<ObjectiveDetailView> {
    return this.objectives.withdraw(actor, id, dto.reason, expectedVersion);
  }
}
