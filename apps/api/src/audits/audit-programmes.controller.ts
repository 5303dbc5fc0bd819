import { Body, Controller, Get, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import {
  AuditProgrammeRegisterService,
  AuditProgrammesService,
  AuditProgrammeView,
  ProgrammeRegister,
} from '@eiso/audits';
import { Actor, Page, Permission } from '@eiso/common';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { answerExport, ApiExportFormat } from '../http/export-format';
import { IfMatchRequired } from '../http/if-match';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiExportResponse } from '../http/openapi/file-response';
import { ApiPageResponse } from '../http/openapi/page';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import {
  CreateAuditProgrammeDto,
  ListAuditProgrammesQueryDto,
  UpdateAuditProgrammeDto,
} from './dto/audit-programme.dto';
import { AuditProgrammeResponse, ProgrammeRegisterResponse } from './dto/audit-programme.response';

@ApiTags('Đánh giá nội bộ — chương trình')
@Controller('audit-programmes')
export class AuditProgrammesController {
  constructor(
    private readonly programmes: AuditProgrammesService,
    private readonly register: AuditProgrammeRegisterService,
  ) {}

  @Post()
  @VersionEtag()
  @RequirePermission(Permission.AuditPlan)
  @ApiOperation({ summary: 'Lập chương trình đánh giá nội bộ của năm (mỗi năm một chương trình)' })
  @ApiCreatedResponse({ type: AuditProgrammeResponse })
  @ApiErrors(400, 409, 413, 415, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAuditProgrammeDto): Promise<AuditProgrammeView> {
    return this.programmes.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Danh sách chương trình đánh giá nội bộ (lọc theo năm)' })
  @ApiPageResponse(AuditProgrammeResponse)
  @ApiErrors(400)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListAuditProgrammesQueryDto,
  ): Promise<Page<AuditProgrammeView>> {
    return this.programmes.list(actor, query);
  }

  @Get(':id')
  @VersionEtag()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Xem một chương trình đánh giá (kèm các dòng)' })
  @ApiOkResponse({ type: AuditProgrammeResponse })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<AuditProgrammeView> {
    return this.programmes.get(actor, id);
  }

  @Patch(':id')
  @VersionEtag()
  @RequirePermission(Permission.AuditPlan)
  @ApiOperation({ summary: 'Sửa chương trình đánh giá; `entries` thay toàn bộ các dòng (cần If-Match)' })
  @ApiOkResponse({ type: AuditProgrammeResponse })
  @ApiErrors(400, 404, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateAuditProgrammeDto,
    @IfMatchRequired() expectedVersion: number,
  ): Promise<AuditProgrammeView> {
    return this.programmes.update(actor, id, dto, expectedVersion);
  }

  @Get(':id/register')
  @RequirePermission(Permission.AuditRead)
  @ApiExportFormat()
  @ApiOperation({ summary: 'Chương trình đánh giá nội bộ năm (JSON, XLSX, PDF theo thể thức văn bản)' })
  @ApiExportResponse(ProgrammeRegisterResponse)
  @ApiErrors(400, 404)
  async registerFile(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProgrammeRegister | StreamableFile> {
    return answerExport(format, res, {
      json: () => this.register.register(actor, id),
      file: (chosen) => this.register.file(actor, id, chosen),
    });
  }
}
