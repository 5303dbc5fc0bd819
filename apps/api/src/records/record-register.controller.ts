import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, Permission } from '@eiso/common';
import { RecordRegisterEntry, RecordRegisterService } from '@eiso/records';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { answerExport, ApiExportFormat } from '../http/export-format';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiExportResponse } from '../http/openapi/file-response';
import { RecordRegisterResponse } from './dto/record-register.response';

@ApiTags('Danh mục')
@Controller('registers')
export class RecordRegisterController {
  constructor(private readonly register: RecordRegisterService) {}

  @Get('records')
  @RequirePermission(Permission.RecordRead)
  @ApiExportFormat()
  @ApiOperation({ summary: 'Danh mục hồ sơ (JSON, XLSX, PDF)' })
  @ApiExportResponse(RecordRegisterResponse)
  @ApiErrors(400, 404)
  async records(
    @CurrentActor() actor: Actor,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: RecordRegisterEntry[] } | StreamableFile> {
    return answerExport(format, res, {
      json: async () => ({ items: await this.register.entries(actor) }),
      file: (chosen) => this.register.file(actor, chosen),
    });
  }
}
