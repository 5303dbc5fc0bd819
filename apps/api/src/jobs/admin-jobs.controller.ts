import { Controller, Get, Header, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, Page, Permission } from '@eiso/common';
import { JobRunsService, JobRunView, JobsOverview } from '@eiso/jobs';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { PageQueryDto } from '../http/page-query.dto';
import { JobRunResponse } from './dto/job-run.response';
import { JobsOverviewResponse } from './dto/jobs-overview.response';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiPageResponse } from '../http/openapi/page';
import { JobsOverviewQuery } from './dto/jobs-overview.query';
import { UuidParamPipe } from '../http/uuid-param.pipe';

/** The scheduled jobs for the system administrator: how they ran, and a run now. */
@ApiTags('Quản trị — công việc chạy nền')
@Controller('admin/jobs')
export class AdminJobsController {
  constructor(private readonly jobRuns: JobRunsService) {}

  @Get()
  @RequirePermission(Permission.JobRead)
  @ApiOperation({ summary: 'Các công việc chạy theo lịch: lần chạy gần nhất, lần chạy tới, số lần lỗi' })
  @ApiOkResponse({ type: JobsOverviewResponse })
  @ApiErrors(400)
  overview(@Query() query: JobsOverviewQuery): Promise<JobsOverview> {
    return this.jobRuns.overview(query.failureDays);
  }

  @Get('runs/:runId')
  @RequirePermission(Permission.JobRead)
  @ApiOperation({ summary: 'Một lượt chạy công việc: trạng thái, kết quả, lỗi' })
  @ApiOkResponse({ type: JobRunResponse })
  @ApiErrors(400, 404)
  run(@Param('runId', UuidParamPipe) runId: string): Promise<JobRunView> {
    return this.jobRuns.run(runId);
  }

  @Post('runs/:runId/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @Header('Cache-Control', 'no-store')
  @RequirePermission(Permission.JobRun)
  @ApiOperation({
    summary:
      'Chạy lại một lượt chạy đã thất bại (ghi nhật ký): công việc theo lịch chạy lượt mới, ' +
      'công việc khác chạy lại đúng công việc đã thất bại',
  })
  @ApiAcceptedResponse({ type: JobRunResponse })
  @ApiErrors(400, 404, 409)
  async retry(
    @CurrentActor() actor: Actor,
    @Param('runId', UuidParamPipe) runId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<JobRunView> {
    const run = await this.jobRuns.retry(actor, runId);
    response.setHeader('Location', `/api/v1/admin/jobs/runs/${run.id}`);
    return run;
  }

  @Get(':name/runs')
  @RequirePermission(Permission.JobRead)
  @ApiOperation({ summary: 'Các lượt chạy của một công việc theo lịch, mới nhất trước' })
  @ApiPageResponse(JobRunResponse)
  @ApiErrors(400, 404)
  runs(@Param('name') name: string, @Query() page: PageQueryDto): Promise<Page<JobRunView>> {
    return this.jobRuns.runsOf(name, page);
  }

  @Post(':name/run')
  @HttpCode(HttpStatus.ACCEPTED)
  @Header('Cache-Control', 'no-store')
  @RequirePermission(Permission.JobRun)
  @ApiOperation({
    summary: 'Chạy ngay một công việc theo lịch (ghi nhật ký); trả về lượt chạy đã đưa vào hàng đợi',
  })
  @ApiAcceptedResponse({ type: JobRunResponse })
  @ApiErrors(404)
  async requestRun(
    @CurrentActor() actor: Actor,
    @Param('name') name: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<JobRunView> {
    const run = await this.jobRuns.requestRun(actor, name);
    response.setHeader('Location', `/api/v1/admin/jobs/runs/${run.id}`);
    return run;
  }
}
