import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import { OrgUnitsService, OrgUnitView } from '@eiso/organizations';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchRequired } from '../http/if-match';
import { CreateOrgUnitDto } from './dto/create-org-unit.dto';
import { ListOrgUnitsQuery } from './dto/list-org-units.query';
import { OrgUnitResponse } from './dto/org-unit.response';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiPageResponse } from '../http/openapi/page';
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
  @ApiCreatedResponse({ type: OrgUnitResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
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
  @ApiPageResponse(OrgUnitResponse)
  @ApiErrors(400, 404)
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
  @ApiOkResponse({ type: OrgUnitResponse })
  @ApiErrors(400, 404)
  get(
    @CurrentActor() actor: Actor,
    @Param('agencyId', UuidParamPipe) agencyId: string,
    @Param('unitId', UuidParamPipe) unitId: string,
  ): Promise<OrgUnitView> {
    return this.units.get(actor, agencyId, unitId);
  }

  @Patch(':unitId')
  @RequirePermission(Permission.OrgUnitManage)
  @ApiOperation({ summary: 'Sửa, ngừng hoạt động phòng, ban' })
  @ApiOkResponse({ type: OrgUnitResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('agencyId', UuidParamPipe) agencyId: string,
    @Param('unitId', UuidParamPipe) unitId: string,
    @IfMatchRequired() expectedVersion: number,
    @Body() dto: UpdateOrgUnitDto,
  ): Promise<OrgUnitView> {
    return this.units.update(actor, agencyId, unitId, expectedVersion, dto);
  }
}
