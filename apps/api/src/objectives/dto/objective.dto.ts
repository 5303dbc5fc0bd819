import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  ObjectiveAggregation,
  ObjectiveDirection,
  ObjectiveFrequency,
  ObjectiveState,
  ObjectiveStatus,
} from '@eiso/objectives';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsNotBlank, IsOptionalNotNull, IsOptionalNullable, IsQueryInt } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

/** Years an objective may be set for. */
export const MIN_OBJECTIVE_YEAR = 2000;
export const MAX_OBJECTIVE_YEAR = 2100;
/** Targets and values: finite, at most 6 decimals, within ±10¹². */
const NUMBER_OPTIONS = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 } as const;
const MAX_ABS = 1e12;

export class CreateObjectiveDto {
  @ApiProperty({ type: 'integer', example: 2026, minimum: MIN_OBJECTIVE_YEAR, maximum: MAX_OBJECTIVE_YEAR })
  @IsInt()
  @Min(MIN_OBJECTIVE_YEAR)
  @Max(MAX_OBJECTIVE_YEAR)
  @FieldLabel('Năm')
  year: number;

  @ApiProperty({ example: '≥ 98% hồ sơ TTHC giải quyết đúng hạn', maxLength: 500 })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @IsNotBlank()
  @FieldLabel('Nội dung mục tiêu')
  statement: string;

  @ApiProperty({ example: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  @IsNotBlank()
  @FieldLabel('Tên chỉ số')
  kpiName: string;

  @ApiProperty({ example: '%', maxLength: 30, description: 'Đơn vị tính' })
  @IsString()
  @MinLength(1)
  @MaxLength(30)
  @IsNotBlank()
  @FieldLabel('Đơn vị tính')
  unit: string;

  @ApiProperty({
    enum: Object.values(ObjectiveDirection),
    enumName: 'ObjectiveDirection',
    description: 'at_least: kết quả ≥ chỉ tiêu; at_most: kết quả ≤ chỉ tiêu',
  })
  @IsIn(Object.values(ObjectiveDirection))
  @FieldLabel('Chiều đánh giá')
  direction: ObjectiveDirection;

  @ApiProperty({ example: 98, description: 'Chỉ tiêu' })
  @IsNumber(NUMBER_OPTIONS)
  @Min(-MAX_ABS)
  @Max(MAX_ABS)
  @FieldLabel('Chỉ tiêu')
  target: number;

  @ApiProperty({ enum: ObjectiveFrequency, enumName: 'ObjectiveFrequency', description: 'Tần suất đo' })
  @IsEnum(ObjectiveFrequency)
  @FieldLabel('Tần suất đo')
  frequency: ObjectiveFrequency;

  @ApiPropertyOptional({
    enum: ObjectiveAggregation,
    enumName: 'ObjectiveAggregation',
    default: ObjectiveAggregation.Average,
    description: 'Cách tính kết quả năm từ các kỳ: average (trung bình), sum (tổng), latest (kỳ gần nhất)',
  })
  @IsOptionalNotNull()
  @IsEnum(ObjectiveAggregation)
  @FieldLabel('Cách tính kết quả')
  aggregation?: ObjectiveAggregation;

  @ApiProperty({ format: 'uuid', description: 'Đơn vị chủ trì' })
  @IsUUID()
  @FieldLabel('Đơn vị chủ trì')
  ownerOrgUnitId: string;
}

export class UpdateObjectiveDto {
  @ApiPropertyOptional({ type: 'integer', minimum: MIN_OBJECTIVE_YEAR, maximum: MAX_OBJECTIVE_YEAR })
  @IsOptionalNotNull()
  @IsInt()
  @Min(MIN_OBJECTIVE_YEAR)
  @Max(MAX_OBJECTIVE_YEAR)
  @FieldLabel('Năm')
  year?: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @IsNotBlank()
  @FieldLabel('Nội dung mục tiêu')
  statement?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  @IsNotBlank()
  @FieldLabel('Tên chỉ số')
  kpiName?: string;

  @ApiPropertyOptional({ maxLength: 30 })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(30)
  @IsNotBlank()
  @FieldLabel('Đơn vị tính')
  unit?: string;

  @ApiPropertyOptional({ enum: Object.values(ObjectiveDirection), enumName: 'ObjectiveDirection' })
  @IsOptionalNotNull()
  @IsIn(Object.values(ObjectiveDirection))
  @FieldLabel('Chiều đánh giá')
  direction?: ObjectiveDirection;

  @ApiPropertyOptional({ description: 'Chỉ tiêu' })
  @IsOptionalNotNull()
  @IsNumber(NUMBER_OPTIONS)
  @Min(-MAX_ABS)
  @Max(MAX_ABS)
  @FieldLabel('Chỉ tiêu')
  target?: number;

  @ApiPropertyOptional({ enum: ObjectiveFrequency, enumName: 'ObjectiveFrequency' })
  @IsOptionalNotNull()
  @IsEnum(ObjectiveFrequency)
  @FieldLabel('Tần suất đo')
  frequency?: ObjectiveFrequency;

  @ApiPropertyOptional({ enum: ObjectiveAggregation, enumName: 'ObjectiveAggregation' })
  @IsOptionalNotNull()
  @IsEnum(ObjectiveAggregation)
  @FieldLabel('Cách tính kết quả')
  aggregation?: ObjectiveAggregation;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Đơn vị chủ trì')
  ownerOrgUnitId?: string;
}

export class WithdrawObjectiveDto {
  @ApiProperty({
    example: 'Mục tiêu được thay bằng mục tiêu mới theo chỉ đạo của UBND tỉnh.',
    maxLength: 2000,
  })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @IsNotBlank()
  @FieldLabel('Lý do hủy bỏ')
  reason: string;
}

export class ListObjectivesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', example: 2026 })
  @IsOptionalNotNull()
  @IsQueryInt(MIN_OBJECTIVE_YEAR, MAX_OBJECTIVE_YEAR)
  @FieldLabel('Năm')
  year?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Đơn vị chủ trì')
  ownerOrgUnitId?: string;

  @ApiPropertyOptional({ enum: ObjectiveState, enumName: 'ObjectiveState' })
  @IsOptionalNotNull()
  @IsEnum(ObjectiveState)
  @FieldLabel('Trạng thái mục tiêu')
  state?: ObjectiveState;

  @ApiPropertyOptional({ enum: Object.values(ObjectiveStatus), enumName: 'ObjectiveStatus' })
  @IsOptionalNotNull()
  @IsIn(Object.values(ObjectiveStatus))
  @FieldLabel('Tình trạng đạt mục tiêu')
  status?: ObjectiveStatus;

  @ApiPropertyOptional({ description: 'Tìm trong nội dung mục tiêu và tên chỉ số', maxLength: 200 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  @FieldLabel('Từ khóa')
  q?: string;
}

export class RecordMeasurementDto {
  @ApiProperty({
    example: '2026-03',
    maxLength: 10,
    description:
      'Kỳ đo theo tần suất: tháng YYYY-MM, quý YYYY-Qn, năm YYYY; thuộc năm của mục tiêu, đã bắt đầu',
  })
  @IsString()
  @MinLength(4)
  @MaxLength(10)
  @IsNotBlank()
  @FieldLabel('Kỳ đo')
  period: string;

  @ApiProperty({ example: 97.5, description: 'Giá trị đo được' })
  @IsNumber(NUMBER_OPTIONS)
  @Min(-MAX_ABS)
  @Max(MAX_ABS)
  @FieldLabel('Giá trị')
  value: number;

  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 2000, example: '412 hồ sơ, 10 trễ hạn' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(2000)
  @FieldLabel('Ghi chú')
  note?: string | null;
}

export class UpdateMeasurementDto {
  @ApiPropertyOptional({ description: 'Giá trị đo được' })
  @IsOptionalNotNull()
  @IsNumber(NUMBER_OPTIONS)
  @Min(-MAX_ABS)
  @Max(MAX_ABS)
  @FieldLabel('Giá trị')
  value?: number;

  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 2000, description: 'null: xóa ghi chú' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(2000)
  @FieldLabel('Ghi chú')
  note?: string | null;
}
