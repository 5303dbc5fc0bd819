import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Permission } from '@eiso/common';
import { DocumentVersionsService, VersionView } from '@eiso/documents';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { IfMatchVersion, VersionEtag } from '../http/etag';
import { EditDraftDto } from './dto/edit-draft.dto';
import { UuidParamPipe } from '../http/uuid-param.pipe';

@ApiTags('Tài liệu')
@VersionEtag()
@Controller('documents/:id/versions')
export class DocumentVersionsController {
  constructor(private readonly versions: DocumentVersionsService) {}

  @Get()
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({ summary: 'Các phiên bản của tài liệu (người đọc chỉ thấy phiên bản đã ban hành)' })
  list(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<VersionView[]> {
    return this.versions.list(actor, id);
  }

  @Post()
  @RequirePermission(Permission.DocumentDraft)
  @ApiOperation({
    summary: 'Tạo dự thảo sửa đổi từ phiên bản đang hiệu lực (tệp được dùng lại, không tải lên lại)',
  })
  create(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<VersionView> {
    return this.versions.createFromEffective(actor, id);
  }

  @Get(':vid')
  @RequirePermission(Permission.DocumentRead)
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
  ): Promise<VersionView> {
    return this.versions.get(actor, id, vid);
  }

  @Patch(':vid')
  @RequirePermission(Permission.DocumentDraft)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Sửa dự thảo (tên, nội dung sửa đổi, điều khoản, mã TTHC)' })
  edit(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: EditDraftDto,
  ): Promise<VersionView> {
    return this.versions.editDraft(actor, id, vid, expectedVersion, dto);
  }
}
