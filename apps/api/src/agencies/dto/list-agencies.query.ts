import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  AGENCY_SORTS,
  AgencyLevel,
  AgencyListQuery,
  AgencyStatus,
  MAX_ROADMAP_YEAR,
  MIN_ROADMAP_YEAR,
} from '@eiso/organizations';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsOptionalNotNull, IsQueryInt } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

export class ListAgenciesQuery extends PageQueryDto implements AgencyListQuery {
  @ApiPropertyOptional({ enum: AgencyLevel, description: 'Lọc theo cấp' })
  @IsOptionalNotNull()
  @IsEnum(AgencyLevel)
  level?: AgencyLevel;

  @ApiPropertyOptional({ example: 2025, description: 'Lọc theo năm phải hoàn thành trong lộ trình' })
  @IsOptionalNotNull()
  @IsQueryInt(MIN_ROADMAP_YEAR, MAX_ROADMAP_YEAR)
  roadmapYear?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lọc các cơ quan trực thuộc cơ quan này' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Cơ quan cấp trên')
  parentId?: string;

  @ApiPropertyOptional({ enum: AgencyStatus, description: 'Lọc theo tình trạng' })
  @IsOptionalNotNull()
  @IsEnum(AgencyStatus)
  @FieldLabel('Tình trạng')
  status?: AgencyStatus;

  @ApiPropertyOptional({ example: 'dak ha', description: 'Tìm theo tên, không phân biệt dấu và hoa thường' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: AGENCY_SORTS, default: 'name:asc', description: 'Sắp xếp: trường:chiều' })
  @IsOptionalNotNull()
  @IsIn(AGENCY_SORTS)
  sort?: string;
}
