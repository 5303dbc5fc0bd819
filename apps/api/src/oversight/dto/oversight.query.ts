import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { AGENCY_LEVELS, AGENCY_STATUSES } from '@eiso/organizations';
import { OVERSIGHT_SORTS, type OversightSort } from '@eiso/oversight';
import { EXPORT_FORMATS } from '@eiso/reports';
import { IsOptionalNotNull, IsQueryInt, MAX_YEAR, MIN_YEAR } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';
import { PageQueryDto } from '../../http/page-query.dto';

const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The board's filters, sort and page; `format=xlsx|pdf` exports every row of the filter. */
export class OversightQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AGENCY_STATUSES, default: 'active' })
  @IsOptionalNotNull()
  @IsIn(AGENCY_STATUSES)
  @FieldLabel('Tình trạng cơ quan')
  status?: string;

  @ApiPropertyOptional({ enum: AGENCY_LEVELS })
  @IsOptionalNotNull()
  @IsIn(AGENCY_LEVELS)
  @FieldLabel('Cấp')
  level?: string;

  @ApiPropertyOptional({ type: 'integer', example: 2025 })
  @IsOptionalNotNull()
  @IsQueryInt(MIN_YEAR, MAX_YEAR)
  @FieldLabel('Năm lộ trình')
  roadmapYear?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Cơ quan cấp trên' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Cơ quan cấp trên')
  parentId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptionalNotNull()
  @Transform(queryBoolean)
  @IsBoolean()
  @FieldLabel('Đã công bố')
  declared?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptionalNotNull()
  @Transform(queryBoolean)
  @IsBoolean()
  @FieldLabel('Đúng lộ trình')
  onTrack?: boolean;

  @ApiPropertyOptional({ description: 'Một phần tên hoặc mã cơ quan (không phân biệt dấu)' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  @FieldLabel('Tìm kiếm')
  q?: string;

  @ApiPropertyOptional({ enum: OVERSIGHT_SORTS, default: 'name' })
  @IsOptionalNotNull()
  @IsIn(OVERSIGHT_SORTS)
  @FieldLabel('Sắp xếp')
  sort?: OversightSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptionalNotNull()
  @IsIn(['asc', 'desc'])
  @FieldLabel('Chiều sắp xếp')
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json' })
  @IsOptionalNotNull()
  @IsIn(EXPORT_FORMATS)
  @FieldLabel('Định dạng')
  format?: string;
}

export class OversightYearQueryDto {
  @ApiPropertyOptional({ type: 'integer', example: 2026, description: 'Mặc định: năm hiện tại' })
  @IsOptionalNotNull()
  @IsQueryInt(2000, 2100)
  @FieldLabel('Năm')
  year?: number;
}

export class AnnualReportQueryDto extends OversightYearQueryDto {
  @ApiPropertyOptional({ enum: ['pdf', 'xlsx'], default: 'pdf' })
  @IsOptionalNotNull()
  @IsIn(['pdf', 'xlsx'])
  @FieldLabel('Định dạng')
  format?: 'pdf' | 'xlsx';
}
