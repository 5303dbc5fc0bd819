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
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
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
import { memoryStorage } from 'multer';
import { Actor, Permission } from '@eiso/common';
import {
  ObjectiveFileView,
  ObjectiveMeasurementImportView,
  ObjectiveMeasurementsService,
  ObjectiveMeasurementView,
} from '@eiso/objectives';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchRequired } from '../http/if-match';
import { receiveFile } from '../http/multipart-file';
import { answerStoredFile } from '../http/stored-file';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ANY_MEDIA_TYPE, ApiFileResponse } from '../http/openapi/file-response';
import { MeasurementCsvPipe } from './csv-upload.pipe';
import { RecordMeasurementDto, UpdateMeasurementDto } from './dto/objective.dto';
import {
  ObjectiveFileResponse,
  ObjectiveMeasurementImportResponse,
  ObjectiveMeasurementResponse,
} from './dto/objective.response';

/** A year of monthly figures per TTHC is a few thousand lines; 2 MB leaves room and stays cheap in memory. */
const MAX_CSV_BYTES = 2 * 1024 * 1024;

@ApiTags('Mục tiêu chất lượng')
@Controller('objectives/:id/measurements')
export class ObjectiveMeasurementsController {
  constructor(private readonly measurements: ObjectiveMeasurementsService) {}

  @Post()
  @VersionEtag()
  @RequirePermission(Permission.ObjectiveMeasure)
  @ApiOperation({
    summary: 'Nhập số liệu một kỳ đo (đơn vị chủ trì hoặc người quản lý mục tiêu); mỗi kỳ một số liệu',
  })
  @ApiCreatedResponse({ type: ObjectiveMeasurementResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  record(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: RecordMeasurementDto,
  ): Promise<ObjectiveMeasurementView> {
    return this.measurements.record(actor, id, dto);
  }

  @Post('import')
  @RequirePermission(Permission.ObjectiveMeasure)
  @UseInterceptors(
    FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_CSV_BYTES, files: 1 } }),
  )
  @ApiOperation({
    summary:
      'Nhập số liệu từ tệp CSV: "ky,gia_tri,ghi_chu" hoặc số liệu một cửa "ky,ma_tthc,ten_tthc,dung_han,tre_han"',
    description:
      'UTF-8 (có hoặc không có BOM), phân cách bằng dấu phẩy hoặc chấm phẩy. Tệp có dòng lỗi thì không nhập dòng ' +
      'nào; kỳ đã có số liệu được cập nhật. Với số liệu một cửa, giá trị của tháng = 100 × đúng hạn / (đúng hạn + trễ hạn).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'Tệp CSV, UTF-8, tối đa 2 MB' } },
    },
  })
  @ApiCreatedResponse({ type: ObjectiveMeasurementImportResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  importCsv(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @UploadedFile(MeasurementCsvPipe) file: Buffer,
  ): Promise<ObjectiveMeasurementImportView> {
    return this.measurements.import(actor, id, file);
  }

  @Get(':measurementId')
  @VersionEtag()
  @RequirePermission(Permission.ObjectiveRead)
  @ApiOperation({ summary: 'Xem số liệu một kỳ đo (ETag để sửa)' })
  @ApiOkResponse({ type: ObjectiveMeasurementResponse })
  @ApiErrors(400, 404)
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('measurementId', UuidParamPipe) measurementId: string,
  ): Promise<ObjectiveMeasurementView> {
    return this.measurements.get(actor, id, measurementId);
  }

  @Patch(':measurementId')
  @VersionEtag()
  @RequirePermission(Permission.ObjectiveMeasure)
  @ApiOperation({ summary: 'Sửa số liệu đã nhập của một kỳ (ghi nhật ký giá trị cũ và mới)' })
  @ApiOkResponse({ type: ObjectiveMeasurementResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('measurementId', UuidParamPipe) measurementId: string,
    @Body() dto: UpdateMeasurementDto,
    @IfMatchRequired() expectedVersion: number,
  ): Promise<ObjectiveMeasurementView> {
    return this.measurements.update(actor, id, measurementId, expectedVersion, dto);
  }

  @Post(':measurementId/nonconformity')
  @VersionEtag()
  @RequirePermission(Permission.ObjectiveMeasure)
  @ApiOperation({
    summary:
      'Ghi nhận một sự không phù hợp (nguồn hồ sơ TTHC trễ hạn) cho các hồ sơ trễ hạn của tháng; cần thêm quyền ghi nhận sự không phù hợp',
  })
  @ApiCreatedResponse({ type: ObjectiveMeasurementResponse })
  @ApiErrors(400, 404, 409, 422)
  raiseNonconformity(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('measurementId', UuidParamPipe) measurementId: string,
  ): Promise<ObjectiveMeasurementView> {
    return this.measurements.raiseNonconformity(actor, id, measurementId);
  }

  @Post(':measurementId/files')
  @RequirePermission(Permission.ObjectiveMeasure)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({
    summary: 'Tải tệp bằng chứng của số liệu lên (đơn vị chủ trì hoặc người quản lý mục tiêu)',
  })
  @ApiCreatedResponse({ type: ObjectiveFileResponse })
  @ApiErrors(400, 404, 409, 413, 415)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('measurementId', UuidParamPipe) measurementId: string,
    @Req() req: Request,
  ): Promise<ObjectiveFileView> {
    // Refuse before reading a byte when the request can never succeed.
    await this.measurements.prepareUpload(actor, id, measurementId);
    return receiveFile(req, (file) =>
      this.measurements.upload(actor, id, measurementId, file.fileName, file.stream, file.signal),
    );
  }

  @Get(':measurementId/files')
  @RequirePermission(Permission.ObjectiveRead)
  @ApiOperation({ summary: 'Các tệp bằng chứng của số liệu' })
  @ApiOkResponse({ type: [ObjectiveFileResponse] })
  @ApiErrors(400, 404)
  listFiles(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('measurementId', UuidParamPipe) measurementId: string,
  ): Promise<ObjectiveFileView[]> {
    return this.measurements.listFiles(actor, id, measurementId);
  }

  @Get(':measurementId/files/:fileId')
  @RequirePermission(Permission.ObjectiveRead)
  @ApiOperation({ summary: 'Tải tệp bằng chứng về (nguyên bản, kèm sha256 trong ETag)' })
  @ApiFileResponse('Nội dung tệp, với kiểu nội dung của tệp; ETag là sha256', ANY_MEDIA_TYPE)
  @ApiErrors(400, 404)
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('measurementId', UuidParamPipe) measurementId: string,
    @Param('fileId', UuidParamPipe) fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return answerStoredFile(res, await this.measurements.download(actor, id, measurementId, fileId));
  }

  @Delete(':measurementId/files/:fileId')
  @HttpCode(204)
  @RequirePermission(Permission.ObjectiveMeasure)
  @ApiOperation({ summary: 'Xóa tệp bằng chứng của số liệu' })
  @ApiNoContentResponse({ description: 'Đã xóa tệp' })
  @ApiErrors(400, 404, 409)
  removeFile(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('measurementId', UuidParamPipe) measurementId: string,
    @Param('fileId', UuidParamPipe) fileId: string,
  ): Promise<void> {
    return this.measurements.removeFile(actor, id, measurementId, fileId);
  }
}
