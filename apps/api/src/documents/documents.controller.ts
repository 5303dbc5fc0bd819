import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import {
  DocumentSortField,
  DocumentsService,
  DocumentView,
  DocumentWorkflowService,
  RevisionHistoryEntry,
  VersionView,
} from '@eiso/documents';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CreateDocumentDto } from './dto/create-document.dto';
import { ListDocumentsQuery } from './dto/list-documents.query';
import { WithdrawDto } from './dto/workflow.dto';
import { VersionEtag } from '../http/etag';
import { IfMatchOptional } from '../http/if-match';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiPageResponse } from '../http/openapi/page';
import { DocumentResponse } from './dto/document.response';
import { RevisionHistoryEntryResponse } from './dto/revision-history.response';
import { VersionResponse } from './dto/version.response';

@ApiTags('Tài liệu')
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly workflow: DocumentWorkflowService,
  ) {}

  @Post()
  @RequirePermission(Permission.DocumentDraft)
  @ApiOperation({ summary: 'Tạo tài liệu cùng phiên bản dự thảo đầu tiên' })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiErrors(400, 409, 413, 415, 422)
  @VersionEtag()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDocumentDto): Promise<DocumentView> {
    return this.documents.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({ summary: 'Danh sách tài liệu (cơ quan theo dõi chỉ thấy tài liệu đã ban hành)' })
  @ApiPageResponse(DocumentResponse)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListDocumentsQuery): Promise<Page<DocumentView>> {
    const { sort, ...rest } = query;
    const [field, direction] = (sort ?? 'code:asc').split(':') as [DocumentSortField, 'asc' | 'desc'];
    return this.documents.list(actor, {
      ...rest,
      sort: { field, direction: direction === 'desc' ? 'DESC' : 'ASC' },
    });
  }

  @Get(':id')
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({ summary: 'Xem một tài liệu (kèm danh sách phân phối)' })
  @ApiOkResponse({ type: DocumentResponse })
  @ApiErrors(400, 404)
  @VersionEtag()
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<DocumentView> {
    return this.documents.get(actor, id);
  }

  @Get(':id/revision-history')
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({ summary: 'Bảng theo dõi sửa đổi' })
  @ApiOkResponse({ type: [RevisionHistoryEntryResponse] })
  @ApiErrors(400, 404)
  revisionHistory(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<RevisionHistoryEntry[]> {
    return this.documents.revisionHistory(actor, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission(Permission.DocumentApprove)
  @ApiOperation({ summary: 'Hủy bỏ tài liệu đang hiệu lực (ký bằng mật khẩu)' })
  @ApiOkResponse({ type: VersionResponse, description: 'Phiên bản đã hủy bỏ' })
  @ApiErrors(400, 404, 409, 413, 415, 423)
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: WithdrawDto,
    // The document's ETag (GET /documents/:id), not a version's.
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<VersionView> {
    return this.workflow.withdraw(actor, id, dto.password, dto.reason, expectedVersion);
  }
}
