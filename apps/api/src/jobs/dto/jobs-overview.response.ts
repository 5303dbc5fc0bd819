import { ApiProperty } from '@nestjs/swagger';
import { JobName } from '@eiso/common';
import { JobsOverview, ScheduledJobView } from '@eiso/jobs';
import { JobRunResponse } from './job-run.response';
import { ApiNullableProperty } from '../../http/openapi/api-nullable-property';

export class ScheduledJobResponse implements ScheduledJobView {
  @ApiProperty({ example: 'daily-records-retention' })
  key: string;

  @ApiProperty({ enum: JobName })
  job: JobName;

  @ApiProperty()
  label: string;

  @ApiProperty({ example: '30 0 * * *' })
  cron: string;

  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' })
  timeZone: string;

  @ApiProperty({ format: 'date-time' })
  nextRunAt: string;

  @ApiNullableProperty(JobRunResponse)
  lastRun: JobRunResponse | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastSuccessAt: string | null;

  @ApiProperty({ description: 'Số lượt chạy thất bại trong failureDays ngày gần nhất' })
  failures: number;
}

export class JobsOverviewResponse implements JobsOverview {
  @ApiProperty()
  failureDays: number;

  @ApiProperty({ type: [ScheduledJobResponse] })
  items: ScheduledJobResponse[];
}
