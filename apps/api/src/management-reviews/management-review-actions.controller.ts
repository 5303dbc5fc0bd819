import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Actor, Permission } from '@eiso/common';
import {
  ManagementReviewActionsService,
  ReviewActionFileView,
  ReviewActionView,
} from '@eiso/management-reviews';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchOptional, IfMatchRequired } from '../http/if-match';
import { receiveFile } from '../http/multipart-file';
import { answerStoredFile } from '../http/stored-file';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ANY_MEDIA_TYPE, ApiFileResponse } from '../http/openapi/file-response';
import {
  AddReviewActionDto,
  MarkReviewActionDoneDto,
  UpdateReviewActionDto,
} from './dto/management-review.dto';
import { ReviewActionFileResponse, ReviewActionResponse } from './dto/management-review.response';

@ApiTags('Xem xét của lãnh đạo — quyết định và hành động')
@Controller('management-reviews/:id/actions')
export class ManagementReviewActionsController {
  constructor(private readonly actions: ManagementReviewActionsService) {}

  @Get()
  @RequirePermission(Permission.ManagementReviewRead)
  @ApiOperation({ summary: 'Các quyết định và hành động của kỳ xem xét' })
  @ApiOkResponse({ type: [ReviewActionResponse] })
  @ApiErrors(400, 404)
  list(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<ReviewActionView[]> {
    return this.actions.list(actor, id);
  }

  @Post()
  @VersionEtag()
  @RequirePermission(Permission.ManagementReviewManage)
  @ApiOperation({ summary: 'Thêm quyết định, hành động (sau khi đã họp); người thực hiện được thông báo' })
  @ApiCreatedResponse({ type: ReviewActionResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  add(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: AddReviewActionDto,
  ): Promise<ReviewActionView> {
    return this.actions.add(actor, id, dto);
  }

  @Get(':actionId')
  @VersionEtag()
  @RequirePermission(Permission.ManagementReviewRead)
  @ApiOperation({ summary: 'Xem một hành động (ETag là phiên bản của hành động)' })
  @ApiOkResponse({ type: ReviewActionResponse })
  @ApiErrors(400, 404)
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
  ): Promise<ReviewActionView> {
    return this.actions.get(actor, id, actionId);
  }

  @Patch(':actionId')
  @VersionEtag()
  @RequirePermission(Permission.ManagementReviewManage)
  @ApiOperation({ summary: 'Sửa hành động chưa hoàn thành' })
  @ApiOkResponse({ type: ReviewActionResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
    @Body() dto: UpdateReviewActionDto,
    @IfMatchRequired() expectedVersion: number,
  ): Promise<ReviewActionView> {
    return this.actions.update(actor, id, actionId, dto, expectedVersion);
  }

  @Post(':actionId/done')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.ManagementReviewRead)
  @ApiOperation({ summary: 'Người thực hiện (hoặc người quản lý) báo cáo hoàn thành hành động' })
  @ApiOkResponse({ type: ReviewActionResponse })
  @ApiErrors(400, 403, 404, 409, 413, 415, 422)
  done(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
    @Body() dto: MarkReviewActionDoneDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<ReviewActionView> {
    return this.actions.done(actor, id, actionId, dto, expectedVersion);
  }

  @Post(':actionId/files')
  @RequirePermission(Permission.ManagementReviewRead)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({
    summary: 'Tải tệp bằng chứng lên hành động chưa hoàn thành (người thực hiện hoặc người quản lý)',
  })
  @ApiCreatedResponse({ type: ReviewActionFileResponse })
  @ApiErrors(400, 403, 404, 409, 413, 415)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
    @Req() req: Request,
  ): Promise<ReviewActionFileView> {
    await this.actions.prepareUpload(actor, id, actionId);
    return receiveFile(req, (file) =>
      this.actions.upload(actor, id, actionId, file.fileName, file.stream, file.signal),
    );
  }

  @Get(':actionId/files')
  @RequirePermission(Permission.ManagementReviewRead)
  @ApiOperation({ summary: 'Các tệp bằng chứng của hành động' })
  @ApiOkResponse({ type: [ReviewActionFileResponse] })
  @ApiErrors(400, 404)
  listFiles(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
  ): Promise<ReviewActionFileView[]> {
    return this.actions.listFiles(actor, id, actionId);
  }

  @Get(':actionId/files/:fileId')
  @RequirePermission(Permission.ManagementReviewRead)
  @ApiOperation({ summary: 'Tải tệp bằng chứng về (nguyên bản, kèm sha256 trong ETag)' })
  @ApiFileResponse('Nội dung tệp, với kiểu nội dung của tệp; ETag là sha256', ANY_MEDIA_TYPE)
  @ApiErrors(400, 404)
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
    @Param('fileId', UuidParamPipe) fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return answerStoredFile(res, await this.actions.download(actor, id, actionId, fileId));
  }

  @Delete(':actionId/files/:fileId')
  @HttpCode(204)
  @RequirePermission(Permission.ManagementReviewRead)
  @ApiOperation({ summary: 'Xóa tệp bằng chứng của hành động chưa hoàn thành' })
  @ApiNoContentResponse({ description: 'Đã xóa tệp' })
  @ApiErrors(400, 403, 404, 409)
  removeFile(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
    @Param('fileId', UuidParamPipe) fileId: string,
  ): Promise<void> {
    return this.actions.removeFile(actor, id, actionId, fileId);
  }
}
