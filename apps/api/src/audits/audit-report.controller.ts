import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditReportService, AuditReportView } from '@eiso/audits';
import { Actor, Permission } from '@eiso/common';
import { attachmentContentDisposition } from '@eiso/storage';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchOptional } from '../http/if-match';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiFileResponse, PDF } from '../http/openapi/file-response';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ReportAuditDto } from './dto/audit-finding.dto';
import { AuditReportResponse } from './dto/audit-finding.response';

@ApiTags('Đánh giá nội bộ — báo cáo')
@Controller('audits/:id')
export class AuditReportController {
  constructor(private readonly reports: AuditReportService) {}

  @Post('report')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.AuditConduct)
  @ApiOperation({
    summary:
      'Trưởng đoàn ký báo cáo đánh giá (nhập lại mật khẩu) khi mọi câu hỏi kiểm tra đã được trả lời; ' +
      'mỗi phát hiện không phù hợp nặng/nhẹ thành một sự không phù hợp',
  })
  @ApiOkResponse({ type: AuditReportResponse })
  @ApiErrors(400, 403, 404, 409, 413, 415, 422, 423)
  report(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: ReportAuditDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<AuditReportView> {
    return this.reports.report(actor, id, dto, expectedVersion);
  }

  @Get('report')
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Báo cáo đánh giá nội bộ (PDF), sau khi trưởng đoàn đã ký' })
  @ApiFileResponse('Báo cáo đánh giá nội bộ (PDF)', PDF)
  @ApiErrors(400, 404, 409)
  async pdf(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<StreamableFile> {
    const file = await this.reports.pdf(actor, id);
    return new StreamableFile(file.bytes, {
      type: file.mediaType,
      length: file.bytes.length,
      disposition: attachmentContentDisposition(file.fileName),
    });
  }

  @Get('report/verification')
  @VersionEtag()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({
    summary:
      'Trạng thái báo cáo, chữ ký của trưởng đoàn (kiểm tra mã băm) và các sự không phù hợp đã ghi nhận',
  })
  @ApiOkResponse({ type: AuditReportResponse })
  @ApiErrors(400, 404)
  verification(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<AuditReportView> {
    return this.reports.verification(actor, id);
  }

  @Post('close')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.AuditPlan)
  @ApiOperation({
    summary:
      'Kết thúc cuộc đánh giá đã báo cáo, khi mọi sự không phù hợp đã có hành động khắc phục ở bước kiểm tra hiệu lực hoặc đã kết thúc',
  })
  @ApiOkResponse({ type: AuditReportResponse })
  @ApiErrors(400, 403, 404, 409, 413, 415, 422)
  close(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<AuditReportView> {
    return this.reports.close(actor, id, expectedVersion);
  }
}
