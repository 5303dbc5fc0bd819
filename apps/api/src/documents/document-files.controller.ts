import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
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
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Actor, Permission } from '@eiso/common';
import { ControlledCopyService, DocumentFilesService, FileKind, FileView } from '@eiso/documents';
import { attachmentContentDisposition } from '@eiso/storage';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { receiveFile } from '../http/multipart-file';
import { invalidField } from '../http/validation.pipe';
import { answerStoredFile } from '../http/stored-file';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ANY_MEDIA_TYPE, ApiFileResponse, PDF } from '../http/openapi/file-response';
import { DocumentFileResponse } from './dto/document-file.response';

const KINDS: readonly string[] = Object.values(FileKind);

/** 400 for anything but a known kind; receiveFile answers a throw from the file handler as its error. */
function kindOf(value: string | undefined): FileKind {
  const kind = value ?? FileKind.Attachment;
  if (!KINDS.includes(kind)) throw invalidField('kind', 'isIn', [KINDS]);
  return kind as FileKind;
}

@ApiTags('Tài liệu — tệp')
@Controller('documents/:id/versions/:vid')
export class DocumentFilesController {
  constructor(
    private readonly files: DocumentFilesService,
    private readonly copies: ControlledCopyService,
  ) {}

  @Post('files')
  @RequirePermission(Permission.DocumentDraft)
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'kind', required: false, enum: FileKind })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        kind: { type: 'string', enum: Object.values(FileKind) },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOperation({ summary: 'Tải tệp lên dự thảo (truyền luồng vào kho lưu trữ; trường kind đặt trước file)' })
  @ApiCreatedResponse({ type: DocumentFileResponse })
  @ApiErrors(400, 404, 409, 413, 415)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @Query('kind') queryKind: string | undefined,
    @Req() req: Request,
  ): Promise<FileView> {
    // Refuse before reading a byte when the request can never succeed.
    if (queryKind) await this.files.prepareUpload(actor, id, vid, kindOf(queryKind));
    return receiveFile(req, (file) =>
      this.files.upload(
        actor,
        id,
        vid,
        kindOf(queryKind ?? file.fields.kind),
        file.fileName,
        file.stream,
        file.signal,
      ),
    );
  }

  @Get('files/:fid')
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({ summary: 'Tải tệp về (nguyên bản, kèm sha256 trong ETag)' })
  @ApiFileResponse('Nội dung tệp, với kiểu nội dung của tệp; ETag là sha256', ANY_MEDIA_TYPE)
  @ApiErrors(400, 404)
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @Param('fid', UuidParamPipe) fid: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return answerStoredFile(res, await this.files.download(actor, id, vid, fid));
  }

  @Delete('files/:fid')
  @HttpCode(204)
  @RequirePermission(Permission.DocumentDraft)
  @ApiOperation({ summary: 'Xóa tệp khỏi dự thảo' })
  @ApiNoContentResponse({ description: 'Đã xóa tệp' })
  @ApiErrors(400, 404, 409)
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @Param('fid', UuidParamPipe) fid: string,
  ): Promise<void> {
    return this.files.remove(actor, id, vid, fid);
  }

  @Post('files/:fid/content/retry')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({
    summary:
      'Chạy lại việc chuyển tệp sang PDF (nếu chưa có) và đọc nội dung để tìm kiếm (người soạn thảo, xem xét, phê duyệt, thư ký ISO của cơ quan)',
  })
  @ApiOkResponse({ type: DocumentFileResponse })
  @ApiErrors(400, 403, 404, 409)
  retryContent(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @Param('fid', UuidParamPipe) fid: string,
  ): Promise<FileView> {
    return this.files.retryContent(actor, id, vid, fid);
  }

  @Get('controlled-copy')
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({ summary: 'Bản có kiểm soát (PDF đóng dấu, kèm trang ký duyệt)' })
  @ApiFileResponse('Bản có kiểm soát (PDF)', PDF)
  @ApiErrors(400, 404, 409, 422)
  async controlledCopy(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
  ): Promise<StreamableFile> {
    const copy = await this.copies.open(actor, id, vid);
    return new StreamableFile(copy.stream, {
      type: 'application/pdf',
      length: copy.size,
      disposition: attachmentContentDisposition(copy.fileName),
    });
  }
}
