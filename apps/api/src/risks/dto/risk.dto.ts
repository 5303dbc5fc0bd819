import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  RISK_CONTEXTS,
  RISK_KINDS,
  RISK_LEVELS,
  RISK_STATES,
  RiskContext,
  RiskKind,
  RiskLevel,
  RiskState,
} from '@eiso/risks';
import { PageQueryDto } from '../../http/page-query.dto';
import {
  IsCalendarDate,
  IsNotBlank,
  IsOptionalNotNull,
  IsOptionalNullable,
  IsQueryInt,
} from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

const SCALE = { type: 'integer', minimum: 1, maximum: 5 } as const;

export class CreateRiskDto {
  @ApiProperty({ enum: RISK_KINDS, enumName: 'RiskKind', description: 'risk: rủi ro; opportunity: cơ hội' })
  @IsIn(RISK_KINDS)
  @FieldLabel('Loại')
  kind: RiskKind;

  @ApiProperty({
    enum: RISK_CONTEXTS,
    enumName: 'RiskContext',
    description:
      'internal_issue: vấn đề nội bộ; external_issue: vấn đề bên ngoài; interested_party: bên quan tâm',
  })
  @IsIn(RISK_CONTEXTS)
  @FieldLabel('Bối cảnh')
  context: RiskContext;

  @ApiPropertyOptional({
    example: 'Người dân nộp hồ sơ trực tuyến',
    description: 'Vấn đề hoặc bên quan tâm cụ thể',
  })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(500)
  @FieldLabel('Ghi chú bối cảnh')
  contextNote?: string;

  @ApiProperty({ example: 'Hồ sơ TTHC bị trả kết quả trễ hạn do thiếu nhân sự một cửa' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @IsNotBlank()
  @FieldLabel('Mô tả')
  description: string;

  @ApiProperty({ ...SCALE, description: 'Khả năng xảy ra (1–5)' })
  @IsInt()
  @Min(1)
  @Max(5)
  @FieldLabel('Khả năng xảy ra')
  likelihood: number;

  @ApiProperty({ ...SCALE, description: 'Mức độ ảnh hưởng (1–5)' })
  @IsInt()
  @Min(1)
  @Max(5)
  @FieldLabel('Mức độ ảnh hưởng')
  impact: number;

  @ApiProperty({ example: 'Bố trí thêm một cán bộ tiếp nhận vào các ngày cao điểm' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @IsNotBlank()
  @FieldLabel('Biện pháp xử lý')
  treatment: string;

  @ApiProperty({ format: 'uuid', description: 'Đơn vị chủ trì' })
  @IsUUID()
  @FieldLabel('Đơn vị chủ trì')
  ownerOrgUnitId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Người phụ trách (thuộc đơn vị chủ trì)' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Người phụ trách')
  ownerUserId?: string;

  @ApiProperty({
    format: 'date',
    example: '2026-06-30',
    description: 'Ngày xem xét lại (không trước hôm nay)',
  })
  @IsCalendarDate()
  @FieldLabel('Ngày xem xét lại')
  reviewDate: string;
}

export class UpdateRiskDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @IsNotBlank()
  @FieldLabel('Mô tả')
  description?: string;

  @ApiPropertyOptional({ enum: RISK_CONTEXTS, enumName: 'RiskContext' })
  @IsOptionalNotNull()
  @IsIn(RISK_CONTEXTS)
  @FieldLabel('Bối cảnh')
  context?: RiskContext;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: bỏ ghi chú' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(500)
  @FieldLabel('Ghi chú bối cảnh')
  contextNote?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Đơn vị chủ trì')
  ownerOrgUnitId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null: không giao người cụ thể (lãnh đạo đơn vị phụ trách)',
  })
  @IsOptionalNullable()
  @IsUUID()
  @FieldLabel('Người phụ trách')
  ownerUserId?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @IsNotBlank()
  @FieldLabel('Biện pháp xử lý')
  treatment?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @FieldLabel('Ngày xem xét lại')
  reviewDate?: string;
}

export class AssessRiskDto {
  @ApiProperty({ ...SCALE, description: 'Khả năng xảy ra (1–5)' })
  @IsInt()
  @Min(1)
  @Max(5)
  @FieldLabel('Khả năng xảy ra')
  likelihood: number;

  @ApiProperty({ ...SCALE, description: 'Mức độ ảnh hưởng (1–5)' })
  @IsInt()
  @Min(1)
  @Max(5)
  @FieldLabel('Mức độ ảnh hưởng')
  impact: number;

  @ApiPropertyOptional({ description: 'Biện pháp xử lý mới; giữ nguyên nếu bỏ trống' })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @IsNotBlank()
  @FieldLabel('Biện pháp xử lý')
  treatment?: string;

  @ApiProperty({ example: 'Đã bố trí thêm cán bộ; số hồ sơ trễ hạn giảm rõ rệt' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @IsNotBlank()
  @FieldLabel('Nhận xét đánh giá')
  note: string;

  @ApiPropertyOptional({ format: 'date', description: 'Ngày xem xét lại mới; giữ nguyên nếu bỏ trống' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @FieldLabel('Ngày xem xét lại')
  reviewDate?: string;
}

export class RiskReasonDto {
  @ApiProperty({ example: 'Biện pháp xử lý đã có hiệu quả, rủi ro không còn' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  @IsNotBlank()
  @FieldLabel('Lý do')
  reason: string;
}

/** `field:direction`, every field the list may be sorted by. */
export const RISK_SORTS = ['code', 'score', 'reviewDate', 'createdAt'].flatMap((f) => [
  `${f}:asc`,
  `${f}:desc`,
]);

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListRisksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RISK_KINDS, enumName: 'RiskKind' })
  @IsOptionalNotNull()
  @IsIn(RISK_KINDS)
  @FieldLabel('Loại')
  kind?: RiskKind;

  @ApiPropertyOptional({ enum: RISK_LEVELS, enumName: 'RiskLevel' })
  @IsOptionalNotNull()
  @IsIn(RISK_LEVELS)
  @FieldLabel('Mức')
  level?: RiskLevel;

  @ApiPropertyOptional({ enum: RISK_STATES, enumName: 'RiskState' })
  @IsOptionalNotNull()
  @IsIn(RISK_STATES)
  @FieldLabel('Trạng thái')
  state?: RiskState;

  @ApiPropertyOptional({ enum: RISK_CONTEXTS, enumName: 'RiskContext' })
  @IsOptionalNotNull()
  @IsIn(RISK_CONTEXTS)
  @FieldLabel('Bối cảnh')
  context?: RiskContext;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Đơn vị chủ trì')
  ownerOrgUnitId?: string;

  @ApiPropertyOptional({ ...SCALE, description: 'Khả năng xảy ra (ô của bản đồ nhiệt)' })
  @IsOptionalNotNull()
  @IsQueryInt(1, 5)
  @FieldLabel('Khả năng xảy ra')
  likelihood?: number;

  @ApiPropertyOptional({ ...SCALE, description: 'Mức độ ảnh hưởng (ô của bản đồ nhiệt)' })
  @IsOptionalNotNull()
  @IsQueryInt(1, 5)
  @FieldLabel('Mức độ ảnh hưởng')
  impact?: number;

  @ApiPropertyOptional({ description: 'true: chỉ những mục đang theo dõi đã đến hoặc quá ngày xem xét lại' })
  @IsOptionalNotNull()
  @Transform(toBoolean)
  @IsBoolean()
  @FieldLabel('Đến hạn xem xét')
  reviewDue?: boolean;

  @ApiPropertyOptional({ description: 'Tìm theo mã, mô tả, bối cảnh, biện pháp (không phân biệt dấu)' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: RISK_SORTS,
    example: 'score:desc',
    description: 'code | score | reviewDate | createdAt, :asc | :desc',
  })
  @IsOptionalNotNull()
  @IsIn(RISK_SORTS)
  sort?: string;
}

export class RiskHeatMapQueryDto {
  @ApiPropertyOptional({
    enum: RISK_KINDS,
    enumName: 'RiskKind',
    description: 'Bỏ trống: cả rủi ro và cơ hội',
  })
  @IsOptionalNotNull()
  @IsIn(RISK_KINDS)
  @FieldLabel('Loại')
  kind?: RiskKind;
}

export class RiskRegisterQueryDto {
  @ApiPropertyOptional({ enum: RISK_KINDS, enumName: 'RiskKind' })
  @IsOptionalNotNull()
  @IsIn(RISK_KINDS)
  @FieldLabel('Loại')
  kind?: RiskKind;

  @ApiPropertyOptional({ enum: RISK_STATES, enumName: 'RiskState' })
  @IsOptionalNotNull()
  @IsIn(RISK_STATES)
  @FieldLabel('Trạng thái')
  state?: RiskState;

  @ApiPropertyOptional({ enum: ['json', 'xlsx', 'pdf'] })
  @IsOptionalNotNull()
  @IsString()
  format?: string;
}
