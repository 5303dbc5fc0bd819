import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckStatus, HealthIndicatorResult } from '@nestjs/terminus';

export class LiveResponse {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
}

/** One dependency's state. */
export class HealthIndicatorResponse {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiPropertyOptional({ description: 'Vì sao thành phần không hoạt động' })
  message?: string;

  @ApiPropertyOptional({
    enum: ['in-process'],
    description: 'Redis: in-process khi hồ sơ embedded không dùng Redis',
  })
  mode?: 'in-process';
}

const BY_DEPENDENCY = {
  type: 'object',
  additionalProperties: { $ref: getSchemaPath(HealthIndicatorResponse) },
  example: { database: { status: 'up' }, redis: { status: 'up' }, storage: { status: 'up' } },
} as const;

/** @nestjs/terminus's result: `database`, `redis` and `storage` by name. */
@ApiExtraModels(HealthIndicatorResponse)
export class HealthCheckResponse implements HealthCheckResult {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] })
  status: HealthCheckStatus;

  @ApiPropertyOptional({ ...BY_DEPENDENCY, description: 'Các thành phần đang hoạt động' })
  info?: HealthIndicatorResult;

  @ApiPropertyOptional({ ...BY_DEPENDENCY, description: 'Các thành phần không hoạt động' })
  error?: HealthIndicatorResult;

  @ApiProperty({ ...BY_DEPENDENCY, description: 'Mọi thành phần' })
  details: HealthIndicatorResult;
}
