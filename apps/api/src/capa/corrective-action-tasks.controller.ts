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
import { CorrectiveActionFileView, CorrectiveActionTasksService, CorrectiveActionTaskView } from '@eiso/capa';
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
  AddCorrectiveActionTaskDto,
  MarkTaskDoneDto,
  UpdateCorrectiveActionTaskDto,
} from './dto/corrective-action.dto';
import { CorrectiveActionFileResponse, CorrectiveActionTaskResponse } from './dto/corrective-action.response';

@ApiTags('Hành động khắc phục — hành động')
@Controller('corrective-actions/:id/actions')
export class CorrectiveActionTasksController {
  constructor(private readonly tasks: CorrectiveActionTasksService) {}

  @Post()
  @VersionEtag()
  @RequirePermission(Permission.CorrectiveActionManage)
  @ApiOperation({
    summary: 'Thêm hành động vào lần thực hiện hiện tại (phiếu mới mở, đã lập kế hoạch hoặc đang thực hiện)',
  })
  @ApiCreatedResponse({ type: CorrectiveActionTaskResponse })
  @ApiErrors(400, 404, 409, 422)
  add(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: AddCorrectiveActionTaskDto,
  ): Promise<CorrectiveActionTaskView> {
    return this.tasks.add(actor, id, dto);
  }

  @Get(':actionId')
  @VersionEtag()
  @RequirePermission(Permission.NonconformityRead)
  @ApiOperation({ summary: 'Xem một hành động (ETag là phiên bản của hành động)' })
  @ApiOkResponse({ type: CorrectiveActionTaskResponse })
  @ApiErrors(400, 404)
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
  ): Promise<CorrectiveActionTaskView> {
    return this.tasks.get(actor, id, actionId);
  }

  @Patch(':actionId')
  @VersionEtag()
  @RequirePermission(Permission.CorrectiveActionManage)
  @ApiOperation({ summary: 'Sửa hành động chưa hoàn thành của lần thực hiện hiện tại' })
  @ApiOkResponse({ type: CorrectiveActionTaskResponse })
  @ApiErrors(400, 404, 409, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
    @Body() dto: UpdateCorrectiveActionTaskDto,
    @IfMatchRequired() expectedVersion: number,
  ): Promise<CorrectiveActionTaskView> {
    return this.tasks.update(actor, id, actionId, dto, expectedVersion);
  }

  @Delete(':actionId')
  @HttpCode(204)
  @RequirePermission(Permission.CorrectiveActionManage)
  @ApiOperation({
    summary: 'Xóa hành động chưa hoàn thành của lần thực hiện hiện tại (không còn tệp bằng chứng)',
  })
  @ApiNoContentResponse({ description: 'Đã xóa hành động' })
  @ApiErrors(400, 404, 409, 422)
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
  ): Promise<void> {
    return this.tasks.remove(actor, id, actionId);
  }

  @Post(':actionId/done')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.CorrectiveActionWork)
  @ApiOperation({
    summary:
      'Người thực hiện báo cáo hoàn thành hành động; hành động cuối cùng của lần thực hiện chuyển phiếu sang kiểm tra hiệu lực',
  })
  @ApiOkResponse({ type: CorrectiveActionTaskResponse })
  @ApiErrors(400, 403, 404, 409, 422)
  done(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
    @Body() dto: MarkTaskDoneDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<CorrectiveActionTaskView> {
    return this.tasks.markDone(actor, id, actionId, dto, expectedVersion);
  }

  @Post(':actionId/files')
  @RequirePermission(Permission.CorrectiveActionWork)
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
  @ApiCreatedResponse({ type: CorrectiveActionFileResponse })
  @ApiErrors(400, 403, 404, 409, 413, 415)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
    @Req() req: Request,
  ): Promise<CorrectiveActionFileView> {
    // Refuse before reading a byte when the request can never succeed.
    await this.tasks.prepareUpload(actor, id, actionId);
    return receiveFile(req, (file) =>
      this.tasks.upload(actor, id, actionId, file.fileName, file.stream, file.signal),
    );
  }

  @Get(':actionId/files')
  @RequirePermission(Permission.NonconformityRead)
  @ApiOperation({ summary: 'Các tệp bằng chứng của hành động' })
  @ApiOkResponse({ type: [CorrectiveActionFileResponse] })
  @ApiErrors(400, 404)
  listFiles(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
  ): Promise<CorrectiveActionFileView[]> {
    return this.tasks.listFiles(actor, id, actionId);
  }

  @Get(':actionId/files/:fileId')
  @RequirePermission(Permission.NonconformityRead)
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
    return answerStoredFile(res, await this.tasks.download(actor, id, actionId, fileId));
  }

  @Delete(':actionId/files/:fileId')
  @HttpCode(204)
  @RequirePermission(Permission.CorrectiveActionWork)
  @ApiOperation({ summary: 'Xóa tệp bằng chứng của hành động chưa hoàn thành' })
  @ApiNoContentResponse({ description: 'Đã xóa tệp' })
  @ApiErrors(400, 403, 404, 409)
  removeFile(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('actionId', UuidParamPipe) actionId: string,
    @Param('fileId', UuidParamPipe) fileId: string,
  ): Promise<void> {
    return this.tasks.removeFile(actor, id, actionId, fileId);
  }
}
