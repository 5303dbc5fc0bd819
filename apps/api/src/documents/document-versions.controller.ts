import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, Permission } from '@eiso/common';
import { DocumentVersionsService, VersionView } from '@eiso/documents';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { etagOf, versionFromIfMatch } from '../http/etag';
import { EditDraftDto } from './dto/edit-draft.dto';

@ApiTags('Tài liệu')
@Controller('documents/:id/versions')
export class DocumentVersionsController {
  constructor(private readonly versions: DocumentVersionsService) {}

  @Get()
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({ summary: 'Các phiên bản của tài liệu (người đọc chỉ thấy phiên bản đã ban hành)' })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VersionView[]> {
    return this.versions.list(actor, id);
  }

  @Post()
  @RequirePermission(Permission.DocumentDraft)
  @ApiOperation({
    summary: 'Tạo dự thảo sửa đổi từ phiên bản đang hiệu lực (tệp được dùng lại, không tải lên lại)',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VersionView> {
    const version = await this.versions.createFromEffective(actor, id);
    res.setHeader('ETag', etagOf(version.version));
    return version;
  }

  @Get(':vid')
  @RequirePermission(Permission.DocumentRead)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('vid', ParseUUIDPipe) vid: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VersionView> {
    const version = await this.versions.get(actor, id, vid);
    res.setHeader('ETag', etagOf(version.version));
    return version;
  }

  @Patch(':vid')
  @RequirePermission(Permission.DocumentDraft)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Sửa dự thảo (tên, nội dung sửa đổi, điều khoản, mã TTHC)' })
  async edit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('vid', ParseUUIDPipe) vid: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: EditDraftDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VersionView> {
    const version = await this.versions.editDraft(actor, id, vid, versionFromIfMatch(ifMatch), dto);
    res.setHeader('ETag', etagOf(version.version));
    return version;
  }
}
