import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalNotNull, IsQueryInt } from '../../http/field-formats';

/** Failures are counted over at most the days runs are kept. */
export const MAX_FAILURE_DAYS = 90;

export class JobsOverviewQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_FAILURE_DAYS,
    default: 7,
    description: 'Đếm số lượt chạy thất bại trong bấy nhiêu ngày gần nhất',
  })
  @IsOptionalNotNull()
  @IsQueryInt(1, MAX_FAILURE_DAYS)
  failureDays = 7;
}
