import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, Permission } from '@eiso/common';
import { RegisterEntry, RegisterKind, RegistersService } from '@eiso/documents';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { answerExport, ApiExportFormat } from '../http/export-format';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiExportResponse } from '../http/openapi/file-response';
import { ExternalRegisterResponse } from './dto/external-register.response';
import { InternalRegisterResponse } from './dto/internal-register.response';

@ApiTags('Danh mục')
@Controller('registers')
export class RegistersController {
  constructor(private readonly registers: RegistersService) {}

  @Get('internal-documents')
  @RequirePermission(Permission.RegisterRead)
  @ApiExportFormat()
  @ApiOperation({ summary: 'Danh mục tài liệu nội bộ đang hiệu lực (JSON, XLSX, PDF)' })
  @ApiExportResponse(InternalRegisterResponse)
  @ApiErrors(400, 404)
  internal(
    @CurrentActor() actor: Actor,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.answer(actor, 'internal', format, res);
  }

  @Get('external-documents')
  @RequirePermission(Permission.RegisterRead)
  @ApiExportFormat()
  @ApiOperation({ summary: 'Danh mục tài liệu bên ngoài đang hiệu lực (JSON, XLSX, PDF)' })
  @ApiExportResponse(ExternalRegisterResponse)
  @ApiErrors(400, 404)
  external(
    @CurrentActor() actor: Actor,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.answer(actor, 'external', format, res);
  }

  private async answer(
    actor: Actor,
    kind: RegisterKind,
    format: string | undefined,
    res: Response,
  ): Promise<{ items: RegisterEntry[] } | StreamableFile> {
    return answerExport(format, res, {
      json: async () => ({ items: await this.registers.entries(actor, kind) }),
      file: (chosen) => this.registers.file(actor, kind, chosen),
    });
  }
}
