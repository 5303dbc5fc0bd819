import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, Page, Permission } from '@eiso/common';
import { InspectionPackService, OversightRow, OversightService, OversightSummary } from '@eiso/oversight';
import { attachmentContentDisposition } from '@eiso/storage';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { answerExport, sendReportFile } from '../http/export-format';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiFileResponse, ApiPageExportResponse, PDF, XLSX } from '../http/openapi/file-response';
import { AnnualReportQueryDto, OversightQueryDto, OversightYearQueryDto } from './dto/oversight.query';
import { OversightRowResponse, OversightSummaryResponse } from './dto/oversight.response';

@ApiTags('oversight')
@Controller('oversight')
export class OversightController {
  constructor(
    private readonly oversight: OversightService,
    private readonly packs: InspectionPackService,
  ) {}

  @Get('agencies')
  @RequirePermission(Permission.ConformityOversee)
  @ApiOperation({
    summary:
      'Sở KH&CN: mỗi cơ quan một dòng (lộ trình, công bố, tài liệu, rà soát quá hạn, hành động khắc phục, đánh giá, xem xét, đúng lộ trình); lọc, sắp xếp; format=xlsx|pdf xuất mọi dòng của bộ lọc',
  })
  @ApiPageExportResponse(OversightRowResponse)
  @ApiErrors(400)
  async agencies(
    @CurrentActor() actor: Actor,
    @Query() query: OversightQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Page<OversightRow> | StreamableFile> {
    const { format, ...filter } = query;
    return answerExport(format, res, {
      json: () => this.oversight.agencies(filter),
      file: (chosen) => this.oversight.exportAgencies(actor, filter, chosen),
    });
  }

  @Get('summary')
  @RequirePermission(Permission.ConformityOversee)
  @ApiOperation({ summary: 'Số cơ quan theo cấp và năm lộ trình: đã công bố, đúng lộ trình, chậm lộ trình' })
  @ApiOkResponse({ type: OversightSummaryResponse })
  @ApiErrors(400)
  summary(@Query() query: OversightYearQueryDto): Promise<OversightSummary> {
    return this.oversight.summary(query.year);
  }

  @Get('reports/annual')
  @RequirePermission(Permission.ConformityOversee)
  @ApiOperation({
    summary: 'Báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến HTQLCL của năm (PDF hoặc XLSX)',
  })
  @ApiFileResponse('Báo cáo năm (PDF hoặc XLSX)', PDF, XLSX)
  @ApiErrors(400)
  async annual(
    @CurrentActor() actor: Actor,
    @Query() query: AnnualReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendReportFile(res, await this.oversight.annualReport(actor, query.year, query.format ?? 'pdf'));
  }

  @Get('agencies/:id/inspection-pack')
  @RequirePermission(Permission.ConformityOversee)
  @ApiOperation({
    summary:
      'Gói hồ sơ phục vụ kiểm tra một cơ quan (ZIP, truyền dần): danh mục tài liệu, quyết định công bố, báo cáo đánh giá nội bộ và xem xét của lãnh đạo gần nhất, sổ theo dõi khắc phục',
  })
  @ApiFileResponse('Gói hồ sơ kiểm tra (ZIP)', 'application/zip')
  @ApiErrors(400, 404)
  async inspectionPack(
    @Param('id', UuidParamPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const pack = await this.packs.pack(id);
    res.setHeader('Content-Type', 'application/zip');
    return new StreamableFile(pack.stream, {
      type: 'application/zip',
      disposition: attachmentContentDisposition(pack.fileName),
    });
  }
}
