import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
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
  ApiTags,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { AuditFindingFileView, AuditFindingsService, AuditFindingView } from '@eiso/audits';
import { Actor, Page, Permission } from '@eiso/common';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchRequired } from '../http/if-match';
import { receiveFile } from '../http/multipart-file';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ANY_MEDIA_TYPE, ApiFileResponse } from '../http/openapi/file-response';
import { ApiPageResponse } from '../http/openapi/page';
import { answerStoredFile } from '../http/stored-file';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import {
  CreateAuditFindingDto,
  ListAuditFindingsQueryDto,
  UpdateAuditFindingDto,
} from './dto/audit-finding.dto';
import { AuditFindingFileResponse, AuditFindingResponse } from './dto/audit-finding.response';

@ApiTags('Đánh giá nội bộ — phát hiện')
@Controller('audits/:id/findings')
export class AuditFindingsController {
  constructor(private readonly findings: AuditFindingsService) {}

  @Post()
  @VersionEtag()
  @RequirePermission(Permission.AuditConduct)
  @ApiOperation({ summary: 'Ghi nhận một phát hiện (đoàn đánh giá, khi đang đánh giá)' })
  @ApiCreatedResponse({ type: AuditFindingResponse })
  @ApiErrors(400, 403, 404, 409, 413, 415, 422)
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: CreateAuditFindingDto,
  ): Promise<AuditFindingView> {
    return this.findings.create(actor, id, dto);
  }

  @Get()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Các phát hiện của cuộc đánh giá (lọc theo loại, điều khoản, đơn vị)' })
  @ApiPageResponse(AuditFindingResponse)
  @ApiErrors(400, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Query() query: ListAuditFindingsQueryDto,
  ): Promise<Page<AuditFindingView>> {
    return this.findings.list(actor, id, query);
  }

  @Get(':findingId')
  @VersionEtag()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Một phát hiện của cuộc đánh giá' })
  @ApiOkResponse({ type: AuditFindingResponse })
  @ApiErrors(400, 404)
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('findingId', UuidParamPipe) findingId: string,
  ): Promise<AuditFindingView> {
    return this.findings.get(actor, id, findingId);
  }

  @Patch(':findingId')
  @VersionEtag()
  @RequirePermission(Permission.AuditConduct)
  @ApiOperation({ summary: 'Sửa một phát hiện (đoàn đánh giá, khi đang đánh giá; cần If-Match)' })
  @ApiOkResponse({ type: AuditFindingResponse })
  @ApiErrors(400, 403, 404, 409, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('findingId', UuidParamPipe) findingId: string,
    @Body() dto: UpdateAuditFindingDto,
    @IfMatchRequired() expectedVersion: number,
  ): Promise<AuditFindingView> {
    return this.findings.update(actor, id, findingId, dto, expectedVersion);
  }

  @Delete(':findingId')
  @HttpCode(204)
  @RequirePermission(Permission.AuditConduct)
  @ApiOperation({ summary: 'Xóa một phát hiện và tệp bằng chứng của nó (đoàn đánh giá, khi đang đánh giá)' })
  @ApiNoContentResponse()
  @ApiErrors(400, 403, 404, 409)
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('findingId', UuidParamPipe) findingId: string,
  ): Promise<void> {
    await this.findings.remove(actor, id, findingId);
  }

  @Post(':findingId/files')
  @RequirePermission(Permission.AuditConduct)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({ summary: 'Tải lên tệp bằng chứng của phát hiện (đoàn đánh giá, khi đang đánh giá)' })
  @ApiCreatedResponse({ type: AuditFindingFileResponse })
  @ApiErrors(400, 403, 404, 409, 413, 415)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('findingId', UuidParamPipe) findingId: string,
    @Req() req: Request,
  ): Promise<AuditFindingFileView> {
    // Refuse before reading a byte when the request can never succeed.
    await this.findings.prepareUpload(actor, id, findingId);
    return receiveFile(req, (file) =>
      this.findings.upload(actor, id, findingId, file.fileName, file.stream, file.signal),
    );
  }

  @Get(':findingId/files')
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Tệp bằng chứng của phát hiện' })
  @ApiOkResponse({ type: [AuditFindingFileResponse] })
  @ApiErrors(400, 404)
  files(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('findingId', UuidParamPipe) findingId: string,
  ): Promise<AuditFindingFileView[]> {
    return this.findings.files(actor, id, findingId);
  }

  @Get(':findingId/files/:fid')
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Tải tệp bằng chứng của phát hiện về (nguyên bản, sha256 trong ETag)' })
  @ApiFileResponse('Nội dung tệp, với kiểu nội dung của tệp; ETag là sha256', ANY_MEDIA_TYPE)
  @ApiErrors(400, 404)
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('findingId', UuidParamPipe) findingId: string,
    @Param('fid', UuidParamPipe) fid: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return answerStoredFile(res, await this.findings.download(actor, id, findingId, fid));
  }

  @Delete(':findingId/files/:fid')
  @HttpCode(204)
  @RequirePermission(Permission.AuditConduct)
  @ApiOperation({ summary: 'Xóa tệp bằng chứng của phát hiện (đoàn đánh giá, khi đang đánh giá)' })
  @ApiNoContentResponse()
  @ApiErrors(400, 403, 404, 409)
  async removeFile(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('findingId', UuidParamPipe) findingId: string,
    @Param('fid', UuidParamPipe) fid: string,
  ): Promise<void> {
    await this.findings.removeFile(actor, id, findingId, fid);
  }
}
