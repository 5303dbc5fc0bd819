import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, PageRequest } from '@eiso/common';
import { IsOptionalNotNull, IsQueryInt } from './field-formats';

/**
 * `?page=1&pageSize=20` (≤ 100), shared by every list. The explicit `type`: for an unannotated
 * initialiser tsc emits `Object` as the design type, and the built document would say object.
 */
export class PageQueryDto implements PageRequest {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptionalNotNull()
  @IsQueryInt(1, MAX_PAGE)
  page = 1;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
  })
  @IsOptionalNotNull()
  @IsQueryInt(1, MAX_PAGE_SIZE)
  pageSize = DEFAULT_PAGE_SIZE;
}
