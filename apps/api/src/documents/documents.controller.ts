import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { UuidParamPipe } from '../http/uuid-param.pipe';

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
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDocumentDto): Promise<DocumentView> {
    return this.documents.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({ summary: 'Danh sách tài liệu (cơ quan theo dõi chỉ thấy tài liệu đã ban hành)' })
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
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<DocumentView> {
    return this.documents.get(actor, id);
  }

  @Get(':id/revision-history')
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({ summary: 'Bảng theo dõi sửa đổi' })
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
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: WithdrawDto,
  ): Promise<VersionView> {
    return this.workflow.withdraw(actor, id, dto.password, dto.reason);
  }
}
