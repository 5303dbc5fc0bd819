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
import { AuditChecklistService, ChecklistFileView, ChecklistItemView } from '@eiso/audits';
import { Actor, Permission } from '@eiso/common';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchRequired } from '../http/if-match';
import { receiveFile } from '../http/multipart-file';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ANY_MEDIA_TYPE, ApiFileResponse } from '../http/openapi/file-response';
import { answerStoredFile } from '../http/stored-file';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { AnswerChecklistItemDto } from './dto/audit-checklist.dto';
import {
  ChecklistFileResponse,
  ChecklistFilesResponse,
  ChecklistItemResponse,
  ChecklistResponse,
} from './dto/audit.response';

@ApiTags('Đánh giá nội bộ — danh mục kiểm tra')
@Controller('audits/:id/checklist')
export class AuditChecklistController {
  constructor(private readonly checklist: AuditChecklistService) {}

  @Get()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Danh mục kiểm tra của cuộc đánh giá' })
  @ApiOkResponse({ type: ChecklistResponse })
  @ApiErrors(400, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<{ items: ChecklistItemView[] }> {
    return this.checklist.list(actor, id);
  }

  @Get(':itemId')
  @VersionEtag()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Một câu hỏi của danh mục kiểm tra' })
  @ApiOkResponse({ type: ChecklistItemResponse })
  @ApiErrors(400, 404)
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('itemId', UuidParamPipe) itemId: string,
  ): Promise<ChecklistItemView> {
    return this.checklist.get(actor, id, itemId);
  }

  @Patch(':itemId')
  @VersionEtag()
  @RequirePermission(Permission.AuditConduct)
  @ApiOperation({
    summary: 'Trả lời câu hỏi kiểm tra: kết quả, ghi chép, mẫu kiểm tra (đoàn đánh giá; cần If-Match)',
  })
  @ApiOkResponse({ type: ChecklistItemResponse })
  @ApiErrors(400, 403, 404, 409, 413, 415)
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('itemId', UuidParamPipe) itemId: string,
    @Body() dto: AnswerChecklistItemDto,
    @IfMatchRequired() expectedVersion: number,
  ): Promise<ChecklistItemView> {
    return this.checklist.answer(actor, id, itemId, dto, expectedVersion);
  }

  @Post(':itemId/files')
  @RequirePermission(Permission.AuditConduct)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({ summary: 'Tải lên tệp bằng chứng của câu hỏi kiểm tra (đoàn đánh giá, khi đang đánh giá)' })
  @ApiCreatedResponse({ type: ChecklistFileResponse })
  @ApiErrors(400, 403, 404, 409, 413, 415)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('itemId', UuidParamPipe) itemId: string,
    @Req() req: Request,
  ): Promise<ChecklistFileView> {
    // Refuse before reading a byte when the request can never succeed.
    await this.checklist.prepareUpload(actor, id, itemId);
    return receiveFile(req, (file) =>
      this.checklist.upload(actor, id, itemId, file.fileName, file.stream, file.signal),
    );
  }

  @Get(':itemId/files')
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Tệp bằng chứng của câu hỏi kiểm tra' })
  @ApiOkResponse({ type: ChecklistFilesResponse })
  @ApiErrors(400, 404)
  files(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('itemId', UuidParamPipe) itemId: string,
  ): Promise<{ items: ChecklistFileView[] }> {
    return this.checklist.files(actor, id, itemId);
  }

  @Get(':itemId/files/:fid')
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Tải tệp bằng chứng về (nguyên bản, sha256 trong ETag)' })
  @ApiFileResponse('Nội dung tệp, với kiểu nội dung của tệp; ETag là sha256', ANY_MEDIA_TYPE)
  @ApiErrors(400, 404)
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('itemId', UuidParamPipe) itemId: string,
    @Param('fid', UuidParamPipe) fid: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return answerStoredFile(res, await this.checklist.download(actor, id, itemId, fid));
  }

  @Delete(':itemId/files/:fid')
  @HttpCode(204)
  @RequirePermission(Permission.AuditConduct)
  @ApiOperation({ summary: 'Xóa tệp bằng chứng (đoàn đánh giá, khi đang đánh giá)' })
  @ApiNoContentResponse()
  @ApiErrors(400, 403, 404, 409)
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('itemId', UuidParamPipe) itemId: string,
    @Param('fid', UuidParamPipe) fid: string,
  ): Promise<void> {
    await this.checklist.removeFile(actor, id, itemId, fid);
  }
}
