import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Permission } from '@eiso/common';
import { DocumentWorkflowService, VersionView } from '@eiso/documents';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { IssueDto, ReturnDto, ReviewDto, SignDto } from './dto/workflow.dto';
import { VersionEtag } from '../http/etag';
import { IfMatchOptional } from '../http/if-match';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { VersionResponse } from './dto/version.response';

@ApiTags('Tài liệu — quy trình duyệt')
@VersionEtag()
@Controller('documents/:id/versions/:vid')
export class DocumentWorkflowController {
  constructor(private readonly workflow: DocumentWorkflowService) {}

  @Post('submit')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentDraft)
  @ApiOperation({ summary: 'Trình xem xét (dự thảo → đang xem xét); cần tệp chính' })
  @ApiOkResponse({ type: VersionResponse })
  @ApiErrors(400, 404, 409, 422)
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<VersionView> {
    return this.workflow.submit(actor, id, vid, expectedVersion);
  }

  @Post('review')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentReview)
  @ApiOperation({ summary: 'Xem xét: chuyển phê duyệt hoặc trả lại dự thảo' })
  @ApiOkResponse({ type: VersionResponse })
  @ApiErrors(400, 404, 409, 413, 415)
  review(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @Body() dto: ReviewDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<VersionView> {
    return this.workflow.review(actor, id, vid, dto.decision, dto.comment, expectedVersion);
  }

  @Post('approve')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentApprove)
  @ApiOperation({ summary: 'Phê duyệt (ký bằng mật khẩu)' })
  @ApiOkResponse({ type: VersionResponse })
  @ApiErrors(400, 404, 409, 413, 415, 423)
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @Body() dto: SignDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<VersionView> {
    return this.workflow.approve(actor, id, vid, dto.password, dto.comment, expectedVersion);
  }

  @Post('return')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentApprove)
  @ApiOperation({ summary: 'Thủ trưởng trả lại dự thảo' })
  @ApiOkResponse({ type: VersionResponse })
  @ApiErrors(400, 404, 409, 413, 415)
  returnForRework(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @Body() dto: ReturnDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<VersionView> {
    return this.workflow.returnForRework(actor, id, vid, dto.comment, expectedVersion);
  }

  @Post('issue')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentIssue)
  @ApiOperation({
    summary: 'Ban hành (ký bằng mật khẩu)',
    description:
      'Ngày hiệu lực là hôm nay hoặc đã qua: phiên bản có hiệu lực ngay, phiên bản cũ hết hiệu lực. ' +
      'Ngày hiệu lực trong tương lai: phiên bản ở trạng thái "Đã ban hành, chờ hiệu lực" (scheduled), ' +
      'phiên bản đang hiệu lực vẫn giữ hiệu lực đến ngày đó.',
  })
  @ApiOkResponse({ type: VersionResponse })
  @ApiErrors(400, 404, 409, 413, 415, 423)
  issue(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @Body() dto: IssueDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<VersionView> {
    return this.workflow.issue(actor, id, vid, dto.password, dto.effectiveFrom, expectedVersion);
  }
}
