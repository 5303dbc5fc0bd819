import { Body, Controller, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { memoryStorage } from 'multer';
import { Actor, Permission } from '@eiso/common';
import { AgencyImportService, AgencyImportSummary } from '@eiso/organizations';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CsvFilePipe } from './csv-file.pipe';
import { AgencyImportSummaryResponse } from './dto/agency-import-summary.response';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ImportAgenciesDto } from './dto/import-agencies.dto';

/** A roadmap list is a few hundred lines; 2 MB leaves room and keeps the upload in memory cheap. */
const MAX_CSV_BYTES = 2 * 1024 * 1024;

@ApiTags('Cơ quan')
@Controller('agencies')
export class AgenciesImportController {
  constructor(private readonly imports: AgencyImportService) {}

  @Post('import')
  @RequirePermission(Permission.AgencyImport)
  @UseInterceptors(
    FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_CSV_BYTES, files: 1 } }),
  )
  @ApiOperation({
    summary: 'Nhập danh sách cơ quan theo lộ trình từ tệp CSV (no,group,level,deadline_year,district,name)',
    description: 'Nhập lại cùng một tệp không tạo thêm cơ quan nào. Tệp có dòng lỗi thì không nhập dòng nào.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'Tệp CSV, UTF-8, tối đa 2 MB' },
        parentId: {
          type: 'string',
          format: 'uuid',
          description: 'Cơ quan cấp trên của các dòng không phải cấp xã',
        },
      },
    },
  })
  @ApiCreatedResponse({ type: AgencyImportSummaryResponse })
  @ApiErrors(400, 413, 415, 422)
  importCsv(
    @CurrentActor() actor: Actor,
    @UploadedFile(CsvFilePipe) file: Buffer,
    @Body() form: ImportAgenciesDto,
    @Query() query: ImportAgenciesDto,
  ): Promise<AgencyImportSummary> {
    return this.imports.importCsv(actor, file, { parentId: form.parentId ?? query.parentId });
  }
}
