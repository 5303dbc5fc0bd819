import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Permission } from '@eiso/common';
import { AcknowledgementReport, AcknowledgementsService } from '@eiso/documents';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { AcknowledgedResponse } from './dto/acknowledgement.response';
import { AcknowledgementReportResponse } from './dto/acknowledgement-report.response';

@ApiTags('Tài liệu — xác nhận đã đọc')
@Controller('documents/:id/versions/:vid/acknowledgements')
export class AcknowledgementsController {
  constructor(private readonly acknowledgements: AcknowledgementsService) {}

  @Post()
  @RequirePermission(Permission.DocumentAcknowledge)
  @ApiOperation({ summary: 'Xác nhận "đã đọc và hiểu" phiên bản đang hiệu lực' })
  @ApiCreatedResponse({ type: AcknowledgedResponse })
  @ApiErrors(400, 404, 409)
  acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
  ): Promise<{ acknowledgedAt: string }> {
    return this.acknowledgements.acknowledge(actor, id, vid);
  }

  @Get()
  @RequirePermission(Permission.DocumentAcknowledgementReport)
  @ApiOperation({ summary: 'Ai đã xác nhận, ai trong danh sách phân phối chưa xác nhận' })
  @ApiOkResponse({ type: AcknowledgementReportResponse })
  @ApiErrors(400, 404)
  report(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
  ): Promise<AcknowledgementReport> {
    return this.acknowledgements.report(actor, id, vid);
  }
}
