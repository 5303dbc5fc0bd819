import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Permission } from '@eiso/common';
import { DocumentWorkflowService, VersionView } from '@eiso/documents';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { IssueDto, ReturnDto, ReviewDto, SignDto } from './dto/workflow.dto';
import { optionalVersion } from './http-version';
import { UuidParamPipe } from '../http/uuid-param.pipe';

@ApiTags('Tài liệu — quy trình duyệt')
@Controller('documents/:id/versions/:vid')
export class DocumentWorkflowController {
  constructor(private readonly workflow: DocumentWorkflowService) {}

  @Post('submit')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentDraft)
  @ApiOperation({ summary: 'Trình xem xét (dự thảo → đang xem xét); cần tệp chính' })
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<VersionView> {
    return this.workflow.submit(actor, id, vid, optionalVersion(ifMatch));
  }

  @Post('review')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentReview)
  @ApiOperation({ summary: 'Xem xét: chuyển phê duyệt hoặc trả lại dự thảo' })
  review(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @Body() dto: ReviewDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<VersionView> {
    return this.workflow.review(actor, id, vid, dto.decision, dto.comment, optionalVersion(ifMatch));
  }

  @Post('approve')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentApprove)
  @ApiOperation({ summary: 'Phê duyệt (ký bằng mật khẩu)' })
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @Body() dto: SignDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<VersionView> {
    return this.workflow.approve(actor, id, vid, dto.password, dto.comment, optionalVersion(ifMatch));
  }

  @Post('return')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentApprove)
  @ApiOperation({ summary: 'Thủ trưởng trả lại dự thảo' })
  returnForRework(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @Body() dto: ReturnDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<VersionView> {
    return this.workflow.returnForRework(actor, id, vid, dto.comment, optionalVersion(ifMatch));
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
  issue(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @Body() dto: IssueDto,
  ): Promise<VersionView> {
    return this.workflow.issue(actor, id, vid, dto.password, dto.effectiveFrom);
  }
}
