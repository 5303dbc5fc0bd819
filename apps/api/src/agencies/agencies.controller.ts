import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import { AgenciesService, AgencyView } from '@eiso/organizations';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchRequired } from '../http/if-match';
import { AgencyResponse } from './dto/agency.response';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiPageResponse } from '../http/openapi/page';
import { CreateAgencyDto } from './dto/create-agency.dto';
import { ListAgenciesQuery } from './dto/list-agencies.query';
import { UpdateAgencyDto } from './dto/update-agency.dto';
import { UuidParamPipe } from '../http/uuid-param.pipe';

@ApiTags('Cơ quan')
@VersionEtag()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Post()
  @RequirePermission(Permission.AgencyManage)
  @ApiOperation({ summary: 'Tạo cơ quan (quản trị hệ thống)' })
  @ApiCreatedResponse({ type: AgencyResponse })
  @ApiErrors(400, 409, 413, 415, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAgencyDto): Promise<AgencyView> {
    return this.agencies.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.AgencyRead)
  @ApiOperation({
    summary: 'Danh sách cơ quan (phân trang; lọc theo cấp, năm lộ trình, cơ quan cấp trên, tình trạng, tên)',
  })
  @ApiPageResponse(AgencyResponse)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListAgenciesQuery): Promise<Page<AgencyView>> {
    return this.agencies.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.AgencyRead)
  @ApiOperation({ summary: 'Xem một cơ quan' })
  @ApiOkResponse({ type: AgencyResponse })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<AgencyView> {
    return this.agencies.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.AgencyManage)
  @ApiOperation({ summary: 'Sửa thông tin cơ quan (quản trị hệ thống)' })
  @ApiOkResponse({ type: AgencyResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchRequired() expectedVersion: number,
    @Body() dto: UpdateAgencyDto,
  ): Promise<AgencyView> {
    return this.agencies.update(actor, id, expectedVersion, dto);
  }
}
