import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsOptionalNotNull, IsTimestamp } from '../../http/field-formats';

export class ListAuditEventsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: 'agency' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Người thực hiện' })
  @IsOptionalNotNull()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-01-01T00:00:00+07:00',
    description: 'Từ thời điểm (bao gồm)',
  })
  @IsOptionalNotNull()
  @IsTimestamp()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Đến thời điểm (không bao gồm)' })
  @IsOptionalNotNull()
  @IsTimestamp()
  to?: Date;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptionalNotNull()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';
}
