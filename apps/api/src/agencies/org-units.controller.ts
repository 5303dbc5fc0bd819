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
import { OrgUnitsService, OrgUnitView } from '@eiso/organizations';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { etagOf, versionFromIfMatch } from '../http/etag';
import { CreateOrgUnitDto } from './dto/create-org-unit.dto';
import { ListOrgUnitsQuery } from './dto/list-org-units.query';
import { OrgUnitPageResponseDto, OrgUnitResponseDto } from './dto/org-unit-response.dto';
import { UpdateOrgUnitDto } from './dto/update-org-unit.dto';

@ApiTags('Phòng, ban')
@Controller('agencies/:agencyId/org-units')
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  @Post()
  @RequirePermission(Permission.OrgUnitManage)
  @ApiOperation({ summary: 'Tạo phòng, ban (quản trị: mọi cơ quan; thư ký ISO: cơ quan mình)' })
  @ApiCreatedResponse({ type: OrgUnitResponseDto })
  async create(
    @CurrentActor() actor: Actor,
    @Param('agencyId', ParseUUIDPipe) agencyId: string,
    @Body() dto: CreateOrgUnitDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrgUnitView> {
    const unit = await this.units.create(actor, agencyId, dto);
    res.setHeader('ETag', etagOf(unit.version));
    return unit;
  }

  @Get()
  @RequirePermission(Permission.OrgUnitRead)
  @ApiOperation({ summary: 'Danh sách phòng, ban của cơ quan (phân trang)' })
  @ApiOkResponse({ type: OrgUnitPageResponseDto })
  list(
    @CurrentActor() actor: Actor,
    @Param('agencyId', ParseUUIDPipe) agencyId: string,
    @Query() query: ListOrgUnitsQuery,
  ): Promise<Page<OrgUnitView>> {
    return this.units.list(actor, agencyId, query);
  }

  @Get(':unitId')
  @RequirePermission(Permission.OrgUnitRead)
  @ApiOperation({ summary: 'Xem một phòng, ban' })
  @ApiOkResponse({ type: OrgUnitResponseDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('agencyId', ParseUUIDPipe) agencyId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrgUnitView> {
    const unit = await this.units.get(actor, agencyId, unitId);
    res.setHeader('ETag', etagOf(unit.version));
    return unit;
  }

  @Patch(':unitId')
  @RequirePermission(Permission.OrgUnitManage)
  @ApiHeader({ name: 'If-Match', required: true, description: 'ETag nhận được khi đọc phòng, ban' })
  @ApiOperation({ summary: 'Sửa, ngừng hoạt động phòng, ban' })
  @ApiOkResponse({ type: OrgUnitResponseDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('agencyId', ParseUUIDPipe) agencyId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateOrgUnitDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrgUnitView> {
    const unit = await this.units.update(actor, agencyId, unitId, versionFromIfMatch(ifMatch), dto);
    res.setHeader('ETag', etagOf(unit.version));
    return unit;
  }
}
