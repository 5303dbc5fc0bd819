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
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, Page, Permission } from '@eiso/common';
import { RecordTypesService, RecordTypeView } from '@eiso/records';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { etagOf, versionFromIfMatch } from '../http/etag';
import { CreateRecordTypeDto, ListRecordTypesQueryDto, UpdateRecordTypeDto } from './dto/record-type.dto';

@ApiTags('Hồ sơ — danh mục hồ sơ')
@Controller('record-types')
export class RecordTypesController {
  constructor(private readonly types: RecordTypesService) {}

  @Post()
  @RequirePermission(Permission.RecordTypeManage)
  @ApiOperation({ summary: 'Thêm loại hồ sơ vào Danh mục hồ sơ (thời hạn lưu trữ hoặc vĩnh viễn)' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateRecordTypeDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RecordTypeView> {
    const type = await this.types.create(actor, dto);
    res.setHeader('ETag', etagOf(type.version));
    return type;
  }

  @Get()
  @RequirePermission(Permission.RecordRead)
  @ApiOperation({ summary: 'Danh mục hồ sơ của cơ quan' })
  list(@CurrentActor() actor: Actor, @Query() query: ListRecordTypesQueryDto): Promise<Page<RecordTypeView>> {
    return this.types.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.RecordRead)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RecordTypeView> {
    const type = await this.types.get(actor, id);
    res.setHeader('ETag', etagOf(type.version));
    return type;
  }

  @Patch(':id')
  @RequirePermission(Permission.RecordTypeManage)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Sửa loại hồ sơ; thời hạn mới áp dụng cho hồ sơ đang lưu trữ của loại này' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateRecordTypeDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RecordTypeView> {
    const type = await this.types.update(actor, id, versionFromIfMatch(ifMatch), dto);
    res.setHeader('ETag', etagOf(type.version));
    return type;
  }
}
