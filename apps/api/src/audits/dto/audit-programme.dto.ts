import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { AuditRiskLevel, ProgrammeEntryInput } from '@eiso/audits';
import {
  IsNotBlank,
  IsOptionalNotNull,
  IsOptionalNullable,
  IsQueryInt,
  MAX_YEAR,
  MIN_YEAR,
} from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';
import { PageQueryDto } from '../../http/page-query.dto';

/** The years the schema takes (ck_audit_programme_year). */
const PROGRAMME_YEARS = { min: 2000, max: 2100 };

const RISK_LEVELS: AuditRiskLevel[] = ['low', 'medium', 'high'];

export class AuditProgrammeEntryDto implements ProgrammeEntryInput {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Phòng, ban được đánh giá',
  })
  @IsOptionalNullable()
  @IsUUID()
  @FieldLabel('Phòng, ban được đánh giá')
  orgUnitId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Tiếp nhận và trả kết quả hồ sơ TTHC',
    description: 'Quá trình được đánh giá; bắt buộc khi không chọn phòng, ban',
  })
  @ValidateIf((o: AuditProgrammeEntryDto) => !o.orgUnitId || (o.process !== undefined && o.process !== null))
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  @IsNotBlank()
  @FieldLabel('Quá trình được đánh giá')
  process?: string | null;

  @ApiProperty({ enum: RISK_LEVELS })
  @IsIn(RISK_LEVELS)
  @FieldLabel('Mức rủi ro')
  riskLevel: AuditRiskLevel;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, example: 2 })
  @IsInt()
  @Min(1)
  @Max(12)
  @FieldLabel('Số lần đánh giá trong năm')
  auditsPerYear: number;

  @ApiProperty({ type: [Number], example: [3, 9], description: 'Các tháng dự kiến đánh giá (1–12)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  @FieldLabel('Tháng dự kiến đánh giá')
  plannedMonths: number[];

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(1000)
  @FieldLabel('Ghi chú')
  note?: string | null;
}

export class CreateAuditProgrammeDto {
  @ApiProperty({ type: 'integer', minimum: PROGRAMME_YEARS.min, maximum: PROGRAMME_YEARS.max, example: 2027 })
  @IsInt()
  @Min(PROGRAMME_YEARS.min)
  @Max(PROGRAMME_YEARS.max)
  @FieldLabel('Năm của chương trình đánh giá')
  year: number;

  @ApiProperty({ example: 'Chương trình đánh giá nội bộ năm 2027' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @IsNotBlank()
  @FieldLabel('Tên chương trình đánh giá')
  title: string;

  @ApiProperty({ example: 'Đánh giá sự phù hợp và hiệu lực của HTQLCL theo TCVN ISO 9001:2015' })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Mục tiêu đánh giá')
  objectives: string;

  @ApiProperty({ example: 'TCVN ISO 9001:2015; các quy trình ISO của cơ quan' })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Chuẩn mực đánh giá')
  criteria: string;

  @ApiProperty({ type: [AuditProgrammeEntryDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AuditProgrammeEntryDto)
  @FieldLabel('Các dòng của chương trình đánh giá')
  entries: AuditProgrammeEntryDto[];
}

export class UpdateAuditProgrammeDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @IsNotBlank()
  @FieldLabel('Tên chương trình đánh giá')
  title?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Mục tiêu đánh giá')
  objectives?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Chuẩn mực đánh giá')
  criteria?: string;

  @ApiPropertyOptional({ type: [AuditProgrammeEntryDto], description: 'Thay toàn bộ các dòng' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AuditProgrammeEntryDto)
  @FieldLabel('Các dòng của chương trình đánh giá')
  entries?: AuditProgrammeEntryDto[];
}

export class ListAuditProgrammesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', example: 2027 })
  @IsOptionalNotNull()
  @IsQueryInt(MIN_YEAR, MAX_YEAR)
  @FieldLabel('Năm')
  year?: number;
}
