import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, Permission } from '@eiso/common';
import { RegisterEntry, RegisterFormat, RegisterKind, RegistersService } from '@eiso/documents';
import { attachmentContentDisposition } from '@eiso/storage';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { invalidField } from '../http/validation.pipe';

const FORMATS: readonly RegisterFormat[] = ['json', 'xlsx', 'pdf'];

@ApiTags('Danh mục')
@Controller('registers')
export class RegistersController {
  constructor(private readonly registers: RegistersService) {}

  @Get('internal-documents')
  @RequirePermission(Permission.RegisterRead)
  @ApiQuery({ name: 'format', enum: FORMATS, required: false })
  @ApiOperation({ summary: 'Danh mục tài liệu nội bộ đang hiệu lực (JSON, XLSX, PDF)' })
  internal(
    @CurrentActor() actor: Actor,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.answer(actor, 'internal', format, res);
  }

  @Get('external-documents')
  @RequirePermission(Permission.RegisterRead)
  @ApiQuery({ name: 'format', enum: FORMATS, required: false })
  @ApiOperation({ summary: 'Danh mục tài liệu bên ngoài đang hiệu lực (JSON, XLSX, PDF)' })
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
    const chosen = (format ?? 'json') as RegisterFormat;
    if (!FORMATS.includes(chosen)) throw invalidField('format', 'isIn', [FORMATS]);
    if (chosen === 'json') return { items: await this.registers.entries(actor, kind) };
    const file = await this.registers.file(actor, kind, chosen);
    res.setHeader('Content-Type', file.mediaType);
    return new StreamableFile(file.bytes, {
      type: file.mediaType,
      disposition: attachmentContentDisposition(file.fileName),
      length: file.bytes.length,
    });
  }
}
