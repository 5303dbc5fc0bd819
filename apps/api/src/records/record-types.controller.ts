import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import { RecordTypesService, RecordTypeView } from '@eiso/records';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { IfMatchVersion, VersionEtag } from '../http/etag';
import { CreateRecordTypeDto, ListRecordTypesQueryDto, UpdateRecordTypeDto } from './dto/record-type.dto';
import { UuidParamPipe } from '../http/uuid-param.pipe';

@ApiTags('Hồ sơ — danh mục hồ sơ')
@VersionEtag()
@Controller('record-types')
export class RecordTypesController {
  constructor(private readonly types: RecordTypesService) {}

  @Post()
  @RequirePermission(Permission.RecordTypeManage)
  @ApiOperation({ summary: 'Thêm loại hồ sơ vào Danh mục hồ sơ (thời hạn lưu trữ hoặc vĩnh viễn)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRecordTypeDto): Promise<RecordTypeView> {
    return this.types.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.RecordRead)
  @ApiOperation({ summary: 'Danh mục hồ sơ của cơ quan' })
  list(@CurrentActor() actor: Actor, @Query() query: ListRecordTypesQueryDto): Promise<Page<RecordTypeView>> {
    return this.types.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.RecordRead)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<RecordTypeView> {
    return this.types.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.RecordTypeManage)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Sửa loại hồ sơ; thời hạn mới áp dụng cho hồ sơ đang lưu trữ của loại này' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateRecordTypeDto,
  ): Promise<RecordTypeView> {
    return this.types.update(actor, id, expectedVersion, dto);
  }
}
