import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  AgencyLevel,
  CreateAgencyInput,
  MAX_ABBREVIATION_LENGTH,
  MAX_PLACE_LENGTH,
  MAX_ROADMAP_YEAR,
  MIN_ROADMAP_YEAR,
} from '@eiso/organizations';
import { IsAgencyAbbreviation, IsCalendarDate, IsOptionalNotNull } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

export class CreateAgencyDto implements CreateAgencyInput {
  @ApiPropertyOptional({ example: 'SKHCN', description: 'Mã cơ quan (duy nhất, không phân biệt hoa thường)' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(50)
  @FieldLabel('Mã cơ quan')
  code?: string;

  @ApiProperty({ example: 'Sở Khoa học và Công nghệ', description: 'Tên cơ quan' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  @FieldLabel('Tên cơ quan')
  name: string;

  @ApiPropertyOptional({
    example: 'STP',
    maxLength: MAX_ABBREVIATION_LENGTH,
    description: 'Ký hiệu cơ quan trong số văn bản ("Số: 01/BB-STP")',
  })
  @IsOptionalNotNull()
  @IsAgencyAbbreviation()
  @FieldLabel('Ký hiệu cơ quan')
  abbreviation?: string;

  @ApiPropertyOptional({
    example: 'Kon Tum',
    maxLength: MAX_PLACE_LENGTH,
    description: 'Địa danh ghi trên văn bản ("Kon Tum, ngày …"); mặc định: địa danh của cơ quan cấp trên',
  })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_PLACE_LENGTH)
  @FieldLabel('Địa danh')
  place?: string;

  @ApiProperty({ enum: AgencyLevel, description: 'Cấp hành chính của cơ quan' })
  @IsEnum(AgencyLevel)
  level: AgencyLevel;

  @ApiPropertyOptional({ format: 'uuid', description: 'Cơ quan cấp trên' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Cơ quan cấp trên')
  parentId?: string;

  @ApiPropertyOptional({
    example: 2025,
    minimum: MIN_ROADMAP_YEAR,
    maximum: MAX_ROADMAP_YEAR,
    description: 'Năm phải hoàn thành áp dụng ISO điện tử theo lộ trình',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(MIN_ROADMAP_YEAR)
  @Max(MAX_ROADMAP_YEAR)
  roadmapYear?: number;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-01-01',
    description: 'Ngày bắt đầu hiệu lực (mặc định: hôm nay)',
  })
  @IsOptionalNotNull()
  @IsCalendarDate()
  validFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Ngày hết hiệu lực' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  validTo?: string;
}
