import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  AGENCY_SORTS,
  AgencyLevel,
  AgencyListQuery,
  AgencyStatus,
  MAX_ROADMAP_YEAR,
  MIN_ROADMAP_YEAR,
} from '@eiso/organizations';
import { PageQueryDto } from '../../http/page-query.dto';

export class ListAgenciesQuery extends PageQueryDto implements AgencyListQuery {
  @ApiPropertyOptional({ enum: AgencyLevel, description: 'Lọc theo cấp' })
  @IsOptional()
  @IsEnum(AgencyLevel)
  level?: AgencyLevel;

  @ApiPropertyOptional({ example: 2025, description: 'Lọc theo năm phải hoàn thành trong lộ trình' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_ROADMAP_YEAR)
  @Max(MAX_ROADMAP_YEAR)
  roadmapYear?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lọc các cơ quan trực thuộc cơ quan này' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ enum: AgencyStatus, description: 'Lọc theo tình trạng' })
  @IsOptional()
  @IsEnum(AgencyStatus)
  status?: AgencyStatus;

  @ApiPropertyOptional({ example: 'dak ha', description: 'Tìm theo tên, không phân biệt dấu và hoa thường' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: AGENCY_SORTS, default: 'name:asc', description: 'Sắp xếp: trường:chiều' })
  @IsOptional()
  @IsIn(AGENCY_SORTS)
  sort?: string;
}
