import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, Page, Permission } from '@eiso/common';
import { AgenciesService, AgencyView } from '@eiso/organizations';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { etagOf, versionFromIfMatch } from '../http/etag';
import { AgencyPageResponseDto, AgencyResponseDto } from './dto/agency-response.dto';
import { CreateAgencyDto } from './dto/create-agency.dto';
import { ListAgenciesQuery } from './dto/list-agencies.query';
import { UpdateAgencyDto } from './dto/update-agency.dto';

@ApiTags('Cơ quan')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Post()
  @RequirePermission(Permission.AgencyManage)
  @ApiOperation({ summary: 'Tạo cơ quan (quản trị hệ thống)' })
  @ApiCreatedResponse({ type: AgencyResponseDto })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateAgencyDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgencyView> {
    const agency = await this.agencies.create(actor, dto);
    res.setHeader('ETag', etagOf(agency.version));
    return agency;
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
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgencyView> {
    const agency = await this.agencies.get(actor, id);
    res.setHeader('ETag', etagOf(agency.version));
    return agency;
  }

  @Patch(':id')
  @RequirePermission(Permission.AgencyManage)
  @ApiHeader({ name: 'If-Match', required: true, description: 'ETag nhận được khi đọc cơ quan' })
  @ApiOperation({ summary: 'Sửa thông tin cơ quan (quản trị hệ thống)' })
  @ApiOkResponse({ type: AgencyResponseDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateAgencyDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgencyView> {
    const agency = await this.agencies.update(actor, id, versionFromIfMatch(ifMatch), dto);
    res.setHeader('ETag', etagOf(agency.version));
    return agency;
  }
}
