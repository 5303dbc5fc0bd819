import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, Page, Permission } from '@eiso/common';
import {
  ManagementReviewsService,
  ManagementReviewSummaryView,
  ManagementReviewView,
} from '@eiso/management-reviews';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchOptional, IfMatchRequired } from '../http/if-match';
import { answerStoredFile } from '../http/stored-file';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiFileResponse } from '../http/openapi/file-response';
import { ApiPageResponse } from '../http/openapi/page';
import {
  CreateManagementReviewDto,
  HoldManagementReviewDto,
  ListManagementReviewsQueryDto,
  MinutesQueryDto,
  SignMinutesDto,
  UpdateManagementReviewDto,
} from './dto/management-review.dto';
import { ManagementReviewResponse, ManagementReviewSummaryResponse } from './dto/management-review.response';

@ApiTags('Xem xét của lãnh đạo')
@Controller('management-reviews')
export class ManagementReviewsController {
  constructor(private readonly reviews: ManagementReviewsService) {}

  @Post()
  @VersionEtag()
  @RequirePermission(Permission.ManagementReviewManage)
  @ApiOperation({ summary: 'Lập kỳ xem xét của lãnh đạo và tổng hợp ngay các đầu vào của kỳ' })
  @ApiCreatedResponse({ type: ManagementReviewResponse })
  @ApiErrors(400, 413, 415, 422)
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateManagementReviewDto,
  ): Promise<ManagementReviewView> {
    return this.reviews.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.ManagementReviewRead)
  @ApiOperation({ summary: 'Danh sách kỳ xem xét của lãnh đạo (lọc theo năm, trạng thái)' })
  @ApiPageResponse(ManagementReviewSummaryResponse)
  @ApiErrors(400)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListManagementReviewsQueryDto,
  ): Promise<Page<ManagementReviewSummaryView>> {
    return this.reviews.list(actor, query);
  }

  @Get(':id')
  @VersionEtag()
  @RequirePermission(Permission.ManagementReviewRead)
  @ApiOperation({
    summary: 'Xem kỳ xem xét: đầu vào đã tổng hợp, đầu vào ghi tay, kết luận, quyết định và hành động',
  })
  @ApiOkResponse({ type: ManagementReviewResponse })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<ManagementReviewView> {
    return this.reviews.get(actor, id);
  }

  @Patch(':id')
  @VersionEtag()
  @RequirePermission(Permission.ManagementReviewManage)
  @ApiOperation({
    summary: 'Sửa ngày họp, thành phần, đầu vào ghi tay và kết luận (khi đã lập kế hoạch hoặc đã họp)',
  })
  @ApiOkResponse({ type: ManagementReviewResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateManagementReviewDto,
    @IfMatchRequired() expectedVersion: number,
  ): Promise<ManagementReviewView> {
    return this.reviews.update(actor, id, expectedVersion, dto);
  }

  @Post(':id/compile')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.ManagementReviewManage)
  @ApiOperation({ summary: 'Tổng hợp lại đầu vào từ dữ liệu của kỳ (chỉ khi chưa họp)' })
  @ApiOkResponse({ type: ManagementReviewResponse })
  @ApiErrors(400, 404, 409)
  compile(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<ManagementReviewView> {
    return this.reviews.compile(actor, id, expectedVersion);
  }

  @Post(':id/hold')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.ManagementReviewManage)
  @ApiOperation({
    summary: 'Ghi nhận cuộc họp xem xét: tổng hợp lần cuối, chốt đầu vào, ghi kết luận và người có mặt',
  })
  @ApiOkResponse({ type: ManagementReviewResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  hold(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: HoldManagementReviewDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<ManagementReviewView> {
    return this.reviews.hold(actor, id, dto, expectedVersion);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @VersionEtag()
  @RequirePermission(Permission.ManagementReviewSign)
  @ApiOperation({
    summary: 'Người chủ trì ký báo cáo xem xét của lãnh đạo bằng mật khẩu (sau khi đã họp); lưu bản PDF',
  })
  @ApiOkResponse({ type: ManagementReviewResponse })
  @ApiErrors(400, 403, 404, 409, 413, 415, 422, 423)
  sign(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: SignMinutesDto,
    @IfMatchOptional() expectedVersion?: number,
  ): Promise<ManagementReviewView> {
    return this.reviews.sign(actor, id, dto.password, expectedVersion);
  }

  @Get(':id/minutes')
  @RequirePermission(Permission.ManagementReviewRead)
  @ApiOperation({
    summary:
      'Tải báo cáo xem xét của lãnh đạo đã ký (PDF; ETag là sha256); trước khi ký, draft=true tải bản dự thảo',
  })
  @ApiFileResponse('Báo cáo xem xét của lãnh đạo (PDF)', 'application/pdf')
  @ApiErrors(400, 404, 409)
  async minutes(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Query() query: MinutesQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return answerStoredFile(res, await this.reviews.minutes(actor, id, query.draft === true));
  }
}
