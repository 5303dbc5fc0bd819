import { ApiProperty } from '@nestjs/swagger';
import { JobRunState, JobRunView } from '@eiso/jobs';
import { JOB_TRIGGERS, JobSummary, JobTrigger } from '@eiso/queue';
import { ApiNullableProperty } from '../../http/openapi/api-nullable-property';

class JobRunRequesterResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: dòng lệnh' })
  id: string | null;

  @ApiProperty({ example: 'admin' })
  username: string;
}

export class JobRunResponse implements JobRunView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'records.retention' })
  job: string;

  @ApiProperty({ example: 'Chuyển hồ sơ hết thời hạn lưu trữ sang trạng thái đến hạn hủy' })
  label: string;

  @ApiProperty({
    enum: JOB_TRIGGERS,
    description:
      'schedule: theo lịch; catch-up: chạy bù khi khởi động; manual: quản trị yêu cầu; event: hệ thống',
  })
  trigger: JobTrigger;

  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] })
  state: JobRunState;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Lần chạy theo lịch mà lượt chạy bù thay thế',
  })
  scheduledFor: string | null;

  @ApiNullableProperty(JobRunRequesterResponse)
  requestedBy: JobRunRequesterResponse | null;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  startedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt: string | null;

  @ApiProperty({ description: 'Số lần đã thử' })
  attempts: number;

  @ApiProperty({ enum: ['succeeded', 'failed'], nullable: true, type: String })
  outcome: 'succeeded' | 'failed' | null;

  @ApiProperty({ nullable: true, type: String, description: 'Lỗi của lần thử gần nhất' })
  error: string | null;

  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    example: { recordsMoved: 12, agencies: 3 },
    description: 'Kết quả công việc trả về (số lượng đã xử lý…)',
  })
  summary: JobSummary | null;
}
