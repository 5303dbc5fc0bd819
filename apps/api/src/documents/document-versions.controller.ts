import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Permission } from '@eiso/common';
import { DocumentVersionsService, VersionView } from '@eiso/documents';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchRequired } from '../http/if-match';
import { EditDraftDto } from './dto/edit-draft.dto';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { VersionResponse } from './dto/version.response';

@ApiTags('Tài liệu')
@VersionEtag()
@Controller('documents/:id/versions')
export class DocumentVersionsController {
  constructor(private readonly versions: DocumentVersionsService) {}

  @Get()
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({ summary: 'Các phiên bản của tài liệu (người đọc chỉ thấy phiên bản đã ban hành)' })
  @ApiOkResponse({ type: [VersionResponse] })
  @ApiErrors(400, 404)
  list(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<VersionView[]> {
    return this.versions.list(actor, id);
  }

  @Post()
  @RequirePermission(Permission.DocumentDraft)
  @ApiOperation({
    summary: 'Tạo dự thảo sửa đổi từ phiên bản đang hiệu lực (tệp được dùng lại, không tải lên lại)',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiErrors(400, 404, 409)
  create(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<VersionView> {
    return this.versions.createFromEffective(actor, id);
  }

  @Get(':vid')
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({ summary: 'Xem một phiên bản (tệp, chữ ký, ý kiến)' })
  @ApiOkResponse({ type: VersionResponse })
  @ApiErrors(400, 404)
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
  ): Promise<VersionView> {
    return this.versions.get(actor, id, vid);
  }

  @Patch(':vid')
  @RequirePermission(Permission.DocumentDraft)
  @ApiOperation({ summary: 'Sửa dự thảo (tên, nội dung sửa đổi, điều khoản, mã TTHC)' })
  @ApiOkResponse({ type: VersionResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  edit(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
    @IfMatchRequired() expectedVersion: number,
    @Body() dto: EditDraftDto,
  ): Promise<VersionView> {
    return this.versions.editDraft(actor, id, vid, expectedVersion, dto);
  }
}
