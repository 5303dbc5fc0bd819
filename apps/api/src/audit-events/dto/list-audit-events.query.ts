import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, ValidateBy, ValidationArguments } from 'class-validator';
import { AUDIT_ACTIONS } from '@eiso/audit-trail';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsOptionalNotNull, IsTimestamp } from '../../http/field-formats';

/** `to` after `from` when both are sent: an empty or inverted range is a mistake, not a query. */
const IsAfterFrom = (): PropertyDecorator =>
  ValidateBy({
    name: 'isAfterFrom',
    validator: {
      validate: (to: unknown, args?: ValidationArguments) => {
        const from = (args?.object as { from?: unknown } | undefined)?.from;
        return !(from instanceof Date && to instanceof Date) || to.getTime() > from.getTime();
      },
    },
  });

export class ListAuditEventsQuery extends PageQueryDto {
  @ApiPropertyOptional({
    enum: AUDIT_ACTIONS,
    example: 'document_version.issued',
    description: 'Thao tác (mỗi sự kiện trả về kèm tên tiếng Việt của thao tác: actionLabel)',
  })
  @IsOptionalNotNull()
  @IsIn(AUDIT_ACTIONS)
  action?: string;

  @ApiPropertyOptional({ example: 'document', description: 'Loại đối tượng' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional({ description: 'Mã (id) đối tượng' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Người thực hiện' })
  @IsOptionalNotNull()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Cơ quan' })
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

  @ApiPropertyOptional({ format: 'date-time', description: 'Đến thời điểm (không bao gồm), sau "from"' })
  @IsOptionalNotNull()
  @IsTimestamp()
  @IsAfterFrom()
  to?: Date;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptionalNotNull()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';
}
