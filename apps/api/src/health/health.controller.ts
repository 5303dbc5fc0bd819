import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { errorResponseOf } from '../http/openapi/api-errors.decorator';
import { HealthCheckResponse, LiveResponse } from './dto/health.response';
import { RedisHealthIndicator } from './redis.health';
import { StorageHealthIndicator } from './storage.health';

@ApiTags('Tình trạng hệ thống')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly storage: StorageHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Tiến trình còn sống' })
  @ApiOkResponse({ type: LiveResponse })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  // Terminus would document its own 503 body; the error filter answers ours (details: the result).
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Sẵn sàng phục vụ: cơ sở dữ liệu, Redis (nếu cấu hình), kho lưu trữ tệp' })
  @ApiOkResponse({ type: HealthCheckResponse })
  @ApiResponse(errorResponseOf(503, 'details: kết quả kiểm tra (status, info, error, details).'))
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      () => this.redis.check('redis'),
      () => this.storage.check('storage'),
    ]);
  }
}
