import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import { AgenciesService, AgencyView } from '@eiso/organizations';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { IfMatchVersion, VersionEtag } from '../http/etag';
import { AgencyPageResponseDto, AgencyResponseDto } from './dto/agency-response.dto';
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
  @ApiCreatedResponse({ type: AgencyResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAgencyDto): Promise<AgencyView> {
    return this.agencies.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.AgencyRead)
  @ApiOperation({
    summary: 'Danh sách cơ quan (phân trang; lọc theo cấp, năm lộ trình, cơ quan cấp trên, tình trạng, tên)',
  })
  @ApiOkResponse({ type: AgencyPageResponseDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListAgenciesQuery): Promise<Page<AgencyView>> {
    return this.agencies.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.AgencyRead)
  @ApiOperation({ summary: 'Xem một cơ quan' })
  @ApiOkResponse({ type: AgencyResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<AgencyView> {
    return this.agencies.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.AgencyManage)
  @ApiHeader({ name: 'If-Match', required: true, description: 'ETag nhận được khi đọc cơ quan' })
  @ApiOperation({ summary: 'Sửa thông tin cơ quan (quản trị hệ thống)' })
  @ApiOkResponse({ type: AgencyResponseDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateAgencyDto,
  ): Promise<AgencyView> {
    return this.agencies.update(actor, id, expectedVersion, dto);
  }
}
