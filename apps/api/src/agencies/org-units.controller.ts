import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import { OrgUnitsService, OrgUnitView } from '@eiso/organizations';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { IfMatchVersion, VersionEtag } from '../http/etag';
import { CreateOrgUnitDto } from './dto/create-org-unit.dto';
import { ListOrgUnitsQuery } from './dto/list-org-units.query';
import { OrgUnitPageResponseDto, OrgUnitResponseDto } from './dto/org-unit-response.dto';
import { UpdateOrgUnitDto } from './dto/update-org-unit.dto';
import { UuidParamPipe } from '../http/uuid-param.pipe';

@ApiTags('Phòng, ban')
@VersionEtag()
@Controller('agencies/:agencyId/org-units')
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  @Post()
  @RequirePermission(Permission.OrgUnitManage)
  @ApiOperation({ summary: 'Tạo phòng, ban (quản trị: mọi cơ quan; thư ký ISO: cơ quan mình)' })
  @ApiCreatedResponse({ type: OrgUnitResponseDto })
  create(
    @CurrentActor() actor: Actor,
    @Param('agencyId', UuidParamPipe) agencyId: string,
    @Body() dto: CreateOrgUnitDto,
  ): Promise<OrgUnitView> {
    return this.units.create(actor, agencyId, dto);
  }

  @Get()
  @RequirePermission(Permission.OrgUnitRead)
  @ApiOperation({ summary: 'Danh sách phòng, ban của cơ quan (phân trang)' })
  @ApiOkResponse({ type: OrgUnitPageResponseDto })
  list(
    @CurrentActor() actor: Actor,
    @Param('agencyId', UuidParamPipe) agencyId: string,
    @Query() query: ListOrgUnitsQuery,
  ): Promise<Page<OrgUnitView>> {
    return this.units.list(actor, agencyId, query);
  }

  @Get(':unitId')
  @RequirePermission(Permission.OrgUnitRead)
  @ApiOperation({ summary: 'Xem một phòng, ban' })
  @ApiOkResponse({ type: OrgUnitResponseDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('agencyId', UuidParamPipe) agencyId: string,
    @Param('unitId', UuidParamPipe) unitId: string,
  ): Promise<OrgUnitView> {
    return this.units.get(actor, agencyId, unitId);
  }

  @Patch(':unitId')
  @RequirePermission(Permission.OrgUnitManage)
  @ApiHeader({ name: 'If-Match', required: true, description: 'ETag nhận được khi đọc phòng, ban' })
  @ApiOperation({ summary: 'Sửa, ngừng hoạt động phòng, ban' })
  @ApiOkResponse({ type: OrgUnitResponseDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('agencyId', UuidParamPipe) agencyId: string,
    @Param('unitId', UuidParamPipe) unitId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateOrgUnitDto,
  ): Promise<OrgUnitView> {
    return this.units.update(actor, agencyId, unitId, expectedVersion, dto);
  }
}
