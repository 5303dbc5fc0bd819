import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { AgencyLevel, MAX_ROADMAP_YEAR, MIN_ROADMAP_YEAR, UpdateAgencyInput } from '@eiso/organizations';

/** PATCH: only the fields sent change; `null` clears code, parent, roadmap year or end of validity. */
export class UpdateAgencyDto implements UpdateAgencyInput {
  @ApiPropertyOptional({ nullable: true, description: 'Mã cơ quan' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(50)
  code?: string | null;

  @ApiPropertyOptional({ description: 'Tên cơ quan' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ enum: AgencyLevel, description: 'Cấp hành chính của cơ quan' })
  @IsOptional()
  @IsEnum(AgencyLevel)
  level?: AgencyLevel;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Cơ quan cấp trên' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    minimum: MIN_ROADMAP_YEAR,
    maximum: MAX_ROADMAP_YEAR,
    description: 'Năm phải hoàn thành áp dụng ISO điện tử theo lộ trình',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsInt()
  @Min(MIN_ROADMAP_YEAR)
  @Max(MAX_ROADMAP_YEAR)
  roadmapYear?: number | null;

  @ApiPropertyOptional({ format: 'date', description: 'Ngày bắt đầu hiệu lực' })
  @IsOptional()
  @IsDateString({ strict: true })
  validFrom?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Ngày hết hiệu lực' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsDateString({ strict: true })
  validTo?: string | null;
}
