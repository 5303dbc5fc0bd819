import { Body, Controller, Get, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, Page, Permission } from '@eiso/common';
import {
  CapaRegisterEntry,
  CapaRegisterService,
  NonconformitiesService,
  NonconformitySortField,
  NonconformitySummaryService,
  NonconformitySummaryView,
  NonconformityView,
} from '@eiso/capa';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { answerExport } from '../http/export-format';
import { VersionEtag } from '../http/etag';
import { IfMatchRequired } from '../http/if-match';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiExportResponse } from '../http/openapi/file-response';
import { ApiPageResponse } from '../http/openapi/page';
import { CapaRegisterResponse } from './dto/capa-register.response';
import {
  CapaRegisterQueryDto,
  ListNonconformitiesQueryDto,
  NonconformitySummaryQueryDto,
  RaiseLateDossierDto,
  RaiseNonconformityDto,
  UpdateNonconformityDto,
} from './dto/nonconformity.dto';
import { NonconformitySummaryResponse } from './dto/nonconformity-summary.response';
import { NonconformityResponse } from './dto/nonconformity.response';

@ApiTags('Sự không phù hợp')
@Controller('nonconformities')
export class NonconformitiesController {
  constructor(
    private readonly nonconformities: NonconformitiesService,
    private readonly summaries: NonconformitySummaryService,
    private readonly register: CapaRegisterService,
  ) {}

  @Post()
  @VersionEtag()
  @RequirePermission(Permission.NonconformityRaise)
  @ApiOperation({
    summary:
      'Ghi nhận sự không phù hợp từ phản ánh, kiến nghị, hồ sơ TTHC trễ hạn, xem xét của lãnh đạo hoặc tự phát hiện',
  })
  @ApiCreatedResponse({ type: NonconformityResponse })
  @ApiErrors(400, 409, 413, 415, 422)
  raise(@CurrentActor() actor: Actor, @Body() dto: RaiseNonconformityDto): Promise<NonconformityView> {
    return this.nonconformities.raise(actor, dto);
  }

  @Post('late-dossiers')
  @VersionEtag()
  @RequirePermission(Permission.NonconformityRaise)
  @ApiOperation({
    summary:
      'Hồ sơ TTHC giải quyết trễ hạn: ghi nhận sự không phù hợp (điều khoản 8.7, mức nhẹ) trong một lần gọi',
  })
  @ApiCreatedResponse({ type: NonconformityResponse })
  @ApiErrors(400, 409, 413, 415, 422)
  raiseLateDossier(
    @CurrentActor() actor: Actor,
    @Body() dto: RaiseLateDossierDto,
  ): Promise<NonconformityView> {
    return this.nonconformities.raiseLateDossier(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.NonconformityRead)
  @ApiOperation({
    summary:
      'Danh sách sự không phù hợp (lọc theo nguồn, mức độ, trạng thái, điều khoản, đơn vị, năm, cuộc đánh giá)',
  })
  @ApiPageResponse(NonconformityResponse)
  @ApiErrors(400)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListNonconformitiesQueryDto,
  ): Promise<Page<NonconformityView>> {
    const { sort, ...rest } = query;
    const [field, direction] = (sort ?? 'number:desc').split(':') as [NonconformitySortField, 'asc' | 'desc'];
    return this.nonconformities.list(actor, {
      ...rest,
      sort: { field, direction: direction === 'asc' ? 'ASC' : 'DESC' },
    });
  }

  @Get('summary')
  @RequirePermission(Permission.NonconformityRead)
  @ApiOperation({
    summary:
      'Thống kê sự không phù hợp theo điều khoản, đơn vị, nguồn, mức độ, trạng thái; hành động quá hạn; thời gian xử lý',
  })
  @ApiOkResponse({ type: NonconformitySummaryResponse })
  @ApiErrors(400, 422)
  summary(
    @CurrentActor() actor: Actor,
    @Query() query: NonconformitySummaryQueryDto,
  ): Promise<NonconformitySummaryView> {
    return this.summaries.summary(actor, query);
  }

  @Get('register')
  @RequirePermission(Permission.NonconformityRead)
  @ApiOperation({ summary: 'Sổ theo dõi sự không phù hợp và hành động khắc phục (JSON, XLSX, PDF)' })
  @ApiExportResponse(CapaRegisterResponse)
  @ApiErrors(400, 404)
  async registerOf(
    @CurrentActor() actor: Actor,
    @Query() query: CapaRegisterQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: CapaRegisterEntry[] } | StreamableFile> {
    return answerExport(query.format, res, {
      json: async () => ({ items: await this.register.entries(actor, query.year) }),
      file: (chosen) => this.register.file(actor, chosen, query.year),
    });
  }

  @Get(':id')
  @VersionEtag()
  @RequirePermission(Permission.NonconformityRead)
  @ApiOperation({ summary: 'Xem một sự không phù hợp (kèm trạng thái hành động khắc phục)' })
  @ApiOkResponse({ type: NonconformityResponse })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<NonconformityView> {
    return this.nonconformities.get(actor, id);
  }

  @Patch(':id')
  @VersionEtag()
  @RequirePermission(Permission.NonconformityRaise)
  @ApiOperation({
    summary:
      'Sửa sự không phù hợp đang mở (từ đánh giá nội bộ: chỉ tiêu đề và mô tả; mức độ, điều khoản, đơn vị theo phát hiện)',
  })
  @ApiOkResponse({ type: NonconformityResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateNonconformityDto,
    @IfMatchRequired() expectedVersion: number,
  ): Promise<NonconformityView> {
    return this.nonconformities.update(actor, id, expectedVersion, dto);
  }
}
