import { Controller, Get, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Actor, Permission } from '@eiso/common';
import { RecordFilesService, RecordFileView } from '@eiso/records';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { receiveFile } from '../http/multipart-file';
import { answerStoredFile } from '../http/stored-file';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ANY_MEDIA_TYPE, ApiFileResponse } from '../http/openapi/file-response';
import { RecordFileResponse } from './dto/record-file.response';

@ApiTags('Hồ sơ — tệp')
@Controller('records/:id/files')
export class RecordFilesController {
  constructor(private readonly files: RecordFilesService) {}

  @Post()
  @RequirePermission(Permission.RecordWrite)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({ summary: 'Tải tệp lên hồ sơ đang lưu trữ (truyền luồng vào kho lưu trữ)' })
  @ApiCreatedResponse({ type: RecordFileResponse })
  @ApiErrors(400, 404, 409, 413, 415)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Req() req: Request,
  ): Promise<RecordFileView> {
    // Refuse before reading a byte when the request can never succeed.
    await this.files.prepareUpload(actor, id);
    return receiveFile(req, (file) => this.files.upload(actor, id, file.fileName, file.stream, file.signal));
  }

  @Get(':fid')
  @RequirePermission(Permission.RecordRead)
  @ApiOperation({ summary: 'Tải tệp của hồ sơ về (nguyên bản, kèm sha256 trong ETag)' })
  @ApiFileResponse('Nội dung tệp, với kiểu nội dung của tệp; ETag là sha256', ANY_MEDIA_TYPE)
  @ApiErrors(400, 404, 409)
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('fid', UuidParamPipe) fid: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return answerStoredFile(res, await this.files.download(actor, id, fid));
  }
}
