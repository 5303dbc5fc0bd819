import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import { DisposalMinutesService, DisposalsService, DisposalView } from '@eiso/records';
import { attachmentContentDisposition } from '@eiso/storage';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import {
  ApproveDisposalDto,
  ListDisposalsQueryDto,
  ProposeDisposalDto,
  RejectDisposalDto,
} from './dto/disposal.dto';
import { VersionEtag } from '../http/etag';
import { IfMatchOptional } from '../http/if-match';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiFileResponse, PDF } from '../http/openapi/file-response';
import { ApiPageResponse } from '../http/openapi/page';
import { DisposalResponse } from './dto/disposal.response';

@ApiTags('Hồ sơ — hủy hồ sơ')
@VersionEtag()
@Controller('disposals')
export class DisposalsController {
  constructor(
    private readonly disposals: DisposalsService,
    private readonly minutes: DisposalMinutesService,
  ) {}

  @Post()
  @RequirePermission(Permission.DisposalPropose)
  @ApiOperation({ summary: 'Đề nghị hủy các hồ sơ đến hạn hủy (không bị phong tỏa)' })
  @ApiCreatedResponse({ type: DisposalResponse })
  @ApiErrors(400, 409, 413, 415)
  propose(@CurrentActor() actor: Actor, @Body() dto: ProposeDisposalDto): Promise<DisposalView> {
    return this.disposals.propose(actor, dto.recordIds, dto.note);
  }

  @Get()
  @RequirePermission(Permission.DisposalRead)
  @ApiOperation({ summary: 'Các đợt hủy hồ sơ của cơ quan' })
  @ApiPageResponse(DisposalResponse)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListDisposalsQueryDto): Promise<Page<DisposalView>> {
    return this.disposals.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.DisposalRead)
  @ApiOperation({ summary: 'Xem một đợt hủy (kèm hồ sơ và kiểm tra chữ ký)' })
  @ApiOkResponse({ type: DisposalResponse })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<DisposalView> {
    return this.disposals.get(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission(Permission.DisposalApprove)
  @ApiOperation({
    summary: 'Phê duyệt hủy (ký bằng mật khẩu); các tệp sau đó được xóa, hồ sơ để lại lưu vết',
  })
  @ApiOkResponse({ type: DisposalResponse })
  @ApiErrors(400, 404, 409, 413, 415, 423)
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: ApproveDisposalDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<DisposalView> {
    return this.disposals.approve(actor, id, dto.password, expectedVersion);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission(Permission.DisposalApprove)
  @ApiOperation({ summary: 'Từ chối đề nghị hủy; hồ sơ giữ nguyên' })
  @ApiOkResponse({ type: DisposalResponse })
  @ApiErrors(400, 404, 409, 413, 415)
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: RejectDisposalDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<DisposalView> {
    return this.disposals.reject(actor, id, dto.reason, expectedVersion);
  }

  @Get(':id/minutes')
  @RequirePermission(Permission.DisposalMinutesRead)
  @ApiOperation({ summary: 'Biên bản hủy hồ sơ (PDF)' })
  @ApiFileResponse('Biên bản hủy hồ sơ (PDF)', PDF)
  @ApiErrors(400, 404, 409)
  async minutesPdf(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<StreamableFile> {
    const file = await this.minutes.render(actor, id);
    return new StreamableFile(file.bytes, {
      type: file.mediaType,
      length: file.bytes.length,
      disposition: attachmentContentDisposition(file.fileName),
    });
  }
}
