import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import { RecordTypesService, RecordTypeView } from '@eiso/records';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchRequired } from '../http/if-match';
import { CreateRecordTypeDto, ListRecordTypesQueryDto, UpdateRecordTypeDto } from './dto/record-type.dto';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiPageResponse } from '../http/openapi/page';
import { RecordTypeResponse } from './dto/record-type.response';

@ApiTags('Hồ sơ — danh mục hồ sơ')
@VersionEtag()
@Controller('record-types')
export class RecordTypesController {
  constructor(private readonly types: RecordTypesService) {}

  @Post()
  @RequirePermission(Permission.RecordTypeManage)
  @ApiOperation({ summary: 'Thêm loại hồ sơ vào Danh mục hồ sơ (thời hạn lưu trữ hoặc vĩnh viễn)' })
  @ApiCreatedResponse({ type: RecordTypeResponse })
  @ApiErrors(400, 409, 413, 415, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRecordTypeDto): Promise<RecordTypeView> {
    return this.types.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.RecordRead)
  @ApiOperation({ summary: 'Danh mục hồ sơ của cơ quan' })
  @ApiPageResponse(RecordTypeResponse)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListRecordTypesQueryDto): Promise<Page<RecordTypeView>> {
    return this.types.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.RecordRead)
  @ApiOperation({ summary: 'Xem một loại hồ sơ' })
  @ApiOkResponse({ type: RecordTypeResponse })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<RecordTypeView> {
    return this.types.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.RecordTypeManage)
  @ApiOperation({ summary: 'Sửa loại hồ sơ; thời hạn mới áp dụng cho hồ sơ đang lưu trữ của loại này' })
  @ApiOkResponse({ type: RecordTypeResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchRequired() expectedVersion: number,
    @Body() dto: UpdateRecordTypeDto,
  ): Promise<RecordTypeView> {
    return this.types.update(actor, id, expectedVersion, dto);
  }
}
