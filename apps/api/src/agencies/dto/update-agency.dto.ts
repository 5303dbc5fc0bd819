import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  AgencyLevel,
  MAX_ABBREVIATION_LENGTH,
  MAX_PLACE_LENGTH,
  MAX_ROADMAP_YEAR,
  MIN_ROADMAP_YEAR,
  UpdateAgencyInput,
} from '@eiso/organizations';
import {
  IsAgencyAbbreviation,
  IsCalendarDate,
  IsOptionalNotNull,
  IsOptionalNullable,
} from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

/** PATCH: only the fields sent change; `null` clears code, parent, roadmap year or end of validity. */
export class UpdateAgencyDto implements UpdateAgencyInput {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Mã cơ quan' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(50)
  @FieldLabel('Mã cơ quan')
  code?: string | null;

  @ApiPropertyOptional({ description: 'Tên cơ quan' })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  @FieldLabel('Tên cơ quan')
  name?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_ABBREVIATION_LENGTH,
    description: 'Ký hiệu cơ quan trong số văn bản ("Số: 01/BB-STP")',
  })
  @IsOptionalNullable()
  @IsAgencyAbbreviation()
  @FieldLabel('Ký hiệu cơ quan')
  abbreviation?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_PLACE_LENGTH,
    description: 'Địa danh ghi trên văn bản; null: lấy địa danh của cơ quan cấp trên',
  })
  @IsOptionalNullable()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_PLACE_LENGTH)
  @FieldLabel('Địa danh')
  place?: string | null;

  @ApiPropertyOptional({ enum: AgencyLevel, description: 'Cấp hành chính của cơ quan' })
  @IsOptionalNotNull()
  @IsEnum(AgencyLevel)
  level?: AgencyLevel;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Cơ quan cấp trên' })
  @IsOptionalNullable()
  @IsUUID()
  @FieldLabel('Cơ quan cấp trên')
  parentId?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: MIN_ROADMAP_YEAR,
    maximum: MAX_ROADMAP_YEAR,
    description: 'Năm phải hoàn thành áp dụng ISO điện tử theo lộ trình',
  })
  @IsOptionalNullable()
  @IsInt()
  @Min(MIN_ROADMAP_YEAR)
  @Max(MAX_ROADMAP_YEAR)
  roadmapYear?: number | null;

  @ApiPropertyOptional({ format: 'date', description: 'Ngày bắt đầu hiệu lực' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  validFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'Ngày hết hiệu lực' })
  @IsOptionalNullable()
  @IsCalendarDate()
  validTo?: string | null;
}
