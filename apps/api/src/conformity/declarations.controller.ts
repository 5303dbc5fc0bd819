import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, Page, Permission } from '@eiso/common';
import { ConformityDeclarationsService, DeclarationSummaryView, DeclarationView } from '@eiso/conformity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchOptional, IfMatchRequired } from '../http/if-match';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiFileResponse } from '../http/openapi/file-response';
import { ApiPageResponse } from '../http/openapi/page';
import { answerStoredFile } from '../http/stored-file';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import {
  CreateDeclarationDto,
  DeclarationPdfQueryDto,
  ListDeclarationsQueryDto,
  SignDeclarationDto,
  UpdateDeclarationDto,
} from './dto/declaration.dto';
import { DeclarationResponse, DeclarationSummaryResponse } from './dto/declaration.response';

@ApiTags('conformity')
@Controller('conformity/declarations')
export class DeclarationsController {
  constructor(private readonly declarations: ConformityDeclarationsService) {}

  @Post()
  @VersionEtag()
  @RequirePermission(Permission.ConformityDeclare)
  @ApiOperation({
    summary: 'Thư ký ISO lập dự thảo quyết định công bố (hoặc công bố lại): phạm vi TTHC, căn cứ pháp lý',
  })
  @ApiCreatedResponse({ type: DeclarationResponse })
  @ApiErrors(400, 409, 413, 415, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDeclarationDto): Promise<DeclarationView> {
    return this.declarations.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.ConformityDeclarationRead)
  @ApiOperation({
    summary:
      'Danh sách quyết định công bố: của cơ quan mình (cả dự thảo), hoặc với Sở KH&CN, của mọi cơ quan đã ký',
  })
  @ApiPageResponse(DeclarationSummaryResponse)
  @ApiErrors(400)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListDeclarationsQueryDto,
  ): Promise<Page<DeclarationSummaryView>> {
    return this.declarations.list(actor, query);
  }

  @Get(':id')
  @VersionEtag()
  @RequirePermission(Permission.ConformityDeclarationRead)
  @ApiOperation({
    summary: 'Xem quyết định công bố: phạm vi đã chốt, căn cứ, chữ ký, trạng thái gửi và tiếp nhận',
  })
  @ApiOkResponse({ type: DeclarationResponse })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<DeclarationView> {
    return this.declarations.get(actor, id);
  }

  @Patch(':id')
  @VersionEtag()
  @RequirePermission(Permission.ConformityDeclare)
  @ApiOperation({ summary: 'Sửa phạm vi và căn cứ của dự thảo (chốt lại theo các quy trình đang hiệu lực)' })
  @ApiOkResponse({ type: DeclarationResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateDeclarationDto,
    @IfMatchRequired() expectedVersion: number,
  ): Promise<DeclarationView> {
    return this.declarations.update(actor, id, expectedVersion, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.ConformityDeclare)
  @ApiOperation({ summary: 'Hủy dự thảo quyết định công bố (quyết định đã ký không bao giờ bị xóa)' })
  @ApiNoContentResponse({ description: 'Đã hủy dự thảo' })
  @ApiErrors(400, 404, 409)
  discard(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<void> {
    // Like a draft's file: only a draft goes, and its state refuses it once signed.
    return this.declarations.discard(actor, id);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.ConformitySign)
  @ApiOperation({
    summary:
      'Thủ trưởng ký quyết định công bố bằng mật khẩu; bị từ chối (422, nêu điều kiện còn thiếu) khi cơ quan chưa đủ điều kiện',
  })
  @ApiOkResponse({ type: DeclarationResponse })
  @ApiErrors(400, 403, 404, 409, 413, 415, 422, 423)
  sign(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: SignDeclarationDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<DeclarationView> {
    return this.declarations.sign(actor, id, dto.password, expectedVersion);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.ConformityDeclare)
  @ApiOperation({ summary: 'Gửi quyết định công bố đã ký đến Sở KH&CN (thông báo cho cán bộ theo dõi)' })
  @ApiOkResponse({ type: DeclarationResponse })
  @ApiErrors(400, 404, 409)
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<DeclarationView> {
    return this.declarations.submit(actor, id, expectedVersion);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.ConformityOversee)
  @ApiOperation({ summary: 'Sở KH&CN xác nhận đã tiếp nhận quyết định công bố' })
  @ApiOkResponse({ type: DeclarationResponse })
  @ApiErrors(400, 404, 409)
  acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<DeclarationView> {
    return this.declarations.acknowledge(actor, id, expectedVersion);
  }

  @Get(':id/pdf')
  @RequirePermission(Permission.ConformityDeclarationRead)
  @ApiOperation({
    summary: 'Tải quyết định công bố đã ký (PDF; ETag là sha256); trước khi ký, draft=true tải bản dự thảo',
  })
  @ApiFileResponse('Quyết định công bố (PDF)', 'application/pdf')
  @ApiErrors(400, 404, 409)
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Query() query: DeclarationPdfQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return answerStoredFile(res, await this.declarations.pdf(actor, id, query.draft === true));
  }
}
