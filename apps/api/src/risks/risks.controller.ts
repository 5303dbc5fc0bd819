import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, Page, Permission } from '@eiso/common';
import {
  RiskDetailView,
  RiskHeatMapView,
  RiskRegisterEntry,
  RiskRegisterService,
  RisksService,
  RiskSortField,
  RiskView,
} from '@eiso/risks';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { answerExport } from '../http/export-format';
import { VersionEtag } from '../http/etag';
import { IfMatchOptional, IfMatchRequired } from '../http/if-match';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiExportResponse } from '../http/openapi/file-response';
import { ApiPageResponse } from '../http/openapi/page';
import {
  AssessRiskDto,
  CreateRiskDto,
  ListRisksQueryDto,
  RiskHeatMapQueryDto,
  RiskReasonDto,
  RiskRegisterQueryDto,
  UpdateRiskDto,
} from './dto/risk.dto';
import {
  RiskDetailResponse,
  RiskHeatMapResponse,
  RiskRegisterResponse,
  RiskResponse,
} from './dto/risk.response';

@ApiTags('Rủi ro và cơ hội')
@Controller('risks')
export class RisksController {
  constructor(
    private readonly risks: RisksService,
    private readonly register: RiskRegisterService,
  ) {}

  @Post()
  @VersionEtag()
  @RequirePermission(Permission.RiskManage)
  @ApiOperation({ summary: 'Ghi nhận rủi ro hoặc cơ hội (kèm đánh giá ban đầu)' })
  @ApiCreatedResponse({ type: RiskDetailResponse })
  @ApiErrors(400, 413, 415, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRiskDto): Promise<RiskDetailView> {
    return this.risks.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.RiskRead)
  @ApiOperation({
    summary:
      'Danh sách rủi ro và cơ hội (lọc theo loại, mức, trạng thái, bối cảnh, đơn vị, ô bản đồ nhiệt, đến hạn xem xét)',
  })
  @ApiPageResponse(RiskResponse)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListRisksQueryDto): Promise<Page<RiskView>> {
    const { sort, ...rest } = query;
    const [field, direction] = (sort ?? 'score:desc').split(':') as [RiskSortField, 'asc' | 'desc'];
    return this.risks.list(actor, {
      ...rest,
      sort: { field, direction: direction === 'asc' ? 'ASC' : 'DESC' },
    });
  }

  @Get('heat-map')
  @RequirePermission(Permission.RiskRead)
  @ApiOperation({
    summary: 'Bản đồ nhiệt 5×5: số mục đang theo dõi theo khả năng xảy ra và mức độ ảnh hưởng',
  })
  @ApiOkResponse({ type: RiskHeatMapResponse })
  @ApiErrors(400)
  heatMap(@CurrentActor() actor: Actor, @Query() query: RiskHeatMapQueryDto): Promise<RiskHeatMapView> {
    return this.risks.heatMap(actor, query.kind);
  }

  @Get('register')
  @RequirePermission(Permission.RiskRead)
  @ApiOperation({ summary: 'Sổ đăng ký rủi ro và cơ hội (JSON, XLSX, PDF)' })
  @ApiExportResponse(RiskRegisterResponse)
  @ApiErrors(400)
  async registerOf(
    @CurrentActor() actor: Actor,
    @Query() query: RiskRegisterQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: RiskRegisterEntry[] } | StreamableFile> {
    const filter = { kind: query.kind, state: query.state };
    return answerExport(query.format, res, {
      json: async () => ({ items: await this.register.entries(actor, filter) }),
      file: (chosen) => this.register.file(actor, chosen, filter),
    });
  }

  @Get(':id')
  @VersionEtag()
  @RequirePermission(Permission.RiskRead)
  @ApiOperation({ summary: 'Xem một rủi ro hoặc cơ hội (kèm lịch sử đánh giá, đóng và mở lại)' })
  @ApiOkResponse({ type: RiskDetailResponse })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<RiskDetailView> {
    return this.risks.get(actor, id);
  }

  @Patch(':id')
  @VersionEtag()
  @RequirePermission(Permission.RiskManage)
  @ApiOperation({
    summary:
      'Sửa mô tả, bối cảnh, đơn vị và người phụ trách, biện pháp xử lý, ngày xem xét lại (không sửa điểm)',
  })
  @ApiOkResponse({ type: RiskDetailResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateRiskDto,
    @IfMatchRequired() expectedVersion: number,
  ): Promise<RiskDetailView> {
    return this.risks.update(actor, id, expectedVersion, dto);
  }

  @Post(':id/assessments')
  @VersionEtag()
  @RequirePermission(Permission.RiskManage)
  @ApiOperation({ summary: 'Đánh giá lại: khả năng xảy ra, mức độ ảnh hưởng, biện pháp xử lý, nhận xét' })
  @ApiCreatedResponse({ type: RiskDetailResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  assess(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: AssessRiskDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<RiskDetailView> {
    return this.risks.assess(actor, id, expectedVersion, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.RiskManage)
  @ApiOperation({ summary: 'Đóng rủi ro hoặc cơ hội (kèm lý do)' })
  @ApiOkResponse({ type: RiskDetailResponse })
  @ApiErrors(400, 404, 409, 413, 415)
  close(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: RiskReasonDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<RiskDetailView> {
    return this.risks.close(actor, id, expectedVersion, dto.reason);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.RiskManage)
  @ApiOperation({ summary: 'Mở lại rủi ro hoặc cơ hội đã đóng (kèm lý do)' })
  @ApiOkResponse({ type: RiskDetailResponse })
  @ApiErrors(400, 404, 409, 413, 415)
  reopen(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: RiskReasonDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<RiskDetailView> {
    return this.risks.reopen(actor, id, expectedVersion, dto.reason);
  }
}
