import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import { RecordSortField, RecordsService, RecordView } from '@eiso/records';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CreateRecordDto, HoldRecordDto, ListRecordsQueryDto } from './dto/record.dto';
import { VersionEtag } from '../http/etag';
import { IfMatchOptional } from '../http/if-match';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiPageResponse } from '../http/openapi/page';
import { RecordResponse } from './dto/record.response';

@ApiTags('Hồ sơ')
@VersionEtag()
@Controller('records')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Post()
  @RequirePermission(Permission.RecordWrite)
  @ApiOperation({ summary: 'Lập hồ sơ theo Danh mục hồ sơ; hạn lưu trữ = ngày hồ sơ + thời hạn của loại' })
  @ApiCreatedResponse({ type: RecordResponse })
  @ApiErrors(400, 404, 413, 415, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRecordDto): Promise<RecordView> {
    return this.records.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.RecordRead)
  @ApiOperation({ summary: 'Danh sách hồ sơ (lọc theo loại, trạng thái, ngày, hạn lưu trữ; tìm không dấu)' })
  @ApiPageResponse(RecordResponse)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListRecordsQueryDto): Promise<Page<RecordView>> {
    const { sort, ...rest } = query;
    const [field, direction] = (sort ?? 'recordDate:desc').split(':') as [RecordSortField, 'asc' | 'desc'];
    return this.records.list(actor, {
      ...rest,
      sort: { field, direction: direction === 'asc' ? 'ASC' : 'DESC' },
    });
  }

  @Get(':id')
  @RequirePermission(Permission.RecordRead)
  @ApiOperation({ summary: 'Xem một hồ sơ (kèm tệp)' })
  @ApiOkResponse({ type: RecordResponse })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<RecordView> {
    return this.records.get(actor, id);
  }

  @Post(':id/hold')
  @HttpCode(200)
  @RequirePermission(Permission.RecordHold)
  @ApiOperation({ summary: 'Phong tỏa hồ sơ (tạm dừng hủy); hồ sơ giữ nguyên trạng thái' })
  @ApiOkResponse({ type: RecordResponse })
  @ApiErrors(400, 404, 409, 413, 415)
  hold(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: HoldRecordDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<RecordView> {
    return this.records.hold(actor, id, dto.reason, expectedVersion);
  }

  @Post(':id/release')
  @HttpCode(200)
  @RequirePermission(Permission.RecordHold)
  @ApiOperation({ summary: 'Gỡ phong tỏa hồ sơ' })
  @ApiOkResponse({ type: RecordResponse })
  @ApiErrors(400, 404, 409)
  release(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<RecordView> {
    return this.records.release(actor, id, expectedVersion);
  }
}
