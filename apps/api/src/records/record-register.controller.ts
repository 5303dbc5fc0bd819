import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, Permission } from '@eiso/common';
import { RecordRegisterEntry, RecordRegisterFormat, RecordRegisterService } from '@eiso/records';
import { attachmentContentDisposition } from '@eiso/storage';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { invalidField } from '../http/validation.pipe';

const FORMATS: readonly RecordRegisterFormat[] = ['json', 'xlsx', 'pdf'];

@ApiTags('Danh mục')
@Controller('registers')
export class RecordRegisterController {
  constructor(private readonly register: RecordRegisterService) {}

  @Get('records')
  @RequirePermission(Permission.RecordRead)
  @ApiQuery({ name: 'format', enum: FORMATS, required: false })
  @ApiOperation({ summary: 'Danh mục hồ sơ (JSON, XLSX, PDF)' })
  async records(
    @CurrentActor() actor: Actor,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ items: RecordRegisterEntry[] } | StreamableFile> {
    const chosen = (format ?? 'json') as RecordRegisterFormat;
    if (!FORMATS.includes(chosen)) throw invalidField('format', 'isIn', [FORMATS]);
    if (chosen === 'json') return { items: await this.register.entries(actor) };
    const file = await this.register.file(actor, chosen);
    res.setHeader('Content-Type', file.mediaType);
    return new StreamableFile(file.bytes, {
      type: file.mediaType,
      disposition: attachmentContentDisposition(file.fileName),
      length: file.bytes.length,
    });
  }
}
