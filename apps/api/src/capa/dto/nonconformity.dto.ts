import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NonconformitySeverity, NonconformitySource, NonconformityState } from '@eiso/capa';
import { PageQueryDto } from '../../http/page-query.dto';
import {
  IsCalendarDate,
  IsIsoClause,
  IsNotBlank,
  IsOptionalNotNull,
  IsOptionalNullable,
  IsQueryInt,
  IsTthcCode,
  MAX_YEAR,
  MIN_YEAR,
} from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

export class RaiseNonconformityDto {
  @ApiProperty({
    enum: NonconformitySource,
    enumName: 'NonconformitySource',
    description:
      'Nguồn: complaint, late_dossier, management_review, self (audit_finding chỉ từ báo cáo đánh giá)',
  })
  @IsEnum(NonconformitySource)
  @FieldLabel('Nguồn phát hiện')
  source: NonconformitySource;

  @ApiProperty({ enum: NonconformitySeverity, enumName: 'NonconformitySeverity' })
  @IsEnum(NonconformitySeverity)
  @FieldLabel('Mức độ')
  severity: NonconformitySeverity;

  @ApiProperty({ example: 'Trả kết quả hồ sơ không đúng hẹn' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @IsNotBlank()
  @FieldLabel('Tiêu đề sự không phù hợp')
  title: string;

  @ApiProperty({ example: 'Công dân phản ánh việc trả kết quả chậm 2 ngày so với giấy hẹn.' })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Mô tả sự không phù hợp')
  description: string;

  @ApiPropertyOptional({ example: '8.5.1', description: 'Điều khoản của phiên bản tiêu chuẩn đang áp dụng' })
  @IsOptionalNotNull()
  @IsIsoClause()
  @FieldLabel('Điều khoản')
  clause?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Đơn vị liên quan' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Đơn vị liên quan')
  orgUnitId?: string;

  @ApiPropertyOptional({ example: '2026-03-02', description: 'Ngày phát hiện; mặc định hôm nay' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @FieldLabel('Ngày phát hiện')
  detectedOn?: string;

  @ApiPropertyOptional({ example: 'PA-12/2026', description: 'Số phản ánh, kiến nghị (nguồn complaint)' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  @IsNotBlank()
  @FieldLabel('Số phản ánh, kiến nghị')
  complaintRef?: string;

  @ApiPropertyOptional({
    example: 'Nguyễn Văn A',
    description: 'Người phản ánh, kiến nghị (nguồn complaint)',
  })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(300)
  @IsNotBlank()
  @FieldLabel('Người phản ánh, kiến nghị')
  complainant?: string;

  @ApiPropertyOptional({ example: '1.000948', description: 'Mã thủ tục hành chính (nguồn late_dossier)' })
  @IsOptionalNotNull()
  @IsTthcCode()
  @FieldLabel('Mã thủ tục hành chính')
  tthcCode?: string;

  @ApiPropertyOptional({ example: '000.00.12.H34-260105-0001', description: 'Số hồ sơ (nguồn late_dossier)' })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsNotBlank()
  @FieldLabel('Số hồ sơ')
  dossierNumber?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Số ngày trễ hạn (nguồn late_dossier)' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(3650)
  @FieldLabel('Số ngày trễ hạn')
  daysLate?: number;

  @ApiPropertyOptional({ example: 'BB-XXLĐ-01/2026', description: 'Biên bản xem xét của lãnh đạo' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  @IsNotBlank()
  @FieldLabel('Số biên bản xem xét của lãnh đạo')
  managementReviewRef?: string;
}

export class RaiseLateDossierDto {
  @ApiProperty({ example: '1.000948' })
  @IsTthcCode()
  @FieldLabel('Mã thủ tục hành chính')
  tthcCode: string;

  @ApiProperty({ example: '000.00.12.H34-260105-0001' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsNotBlank()
  @FieldLabel('Số hồ sơ')
  dossierNumber: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 3 })
  @IsInt()
  @Min(1)
  @Max(3650)
  @FieldLabel('Số ngày trễ hạn')
  daysLate: number;

  @ApiPropertyOptional({
    description: 'Mặc định: "Hồ sơ TTHC {số hồ sơ} ({mã TTHC}) giải quyết trễ hạn {n} ngày"',
  })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @IsNotBlank()
  @FieldLabel('Tiêu đề sự không phù hợp')
  title?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Mô tả sự không phù hợp')
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Đơn vị giải quyết hồ sơ' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Đơn vị liên quan')
  orgUnitId?: string;

  @ApiPropertyOptional({ example: '2026-03-02', description: 'Ngày phát hiện; mặc định hôm nay' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @FieldLabel('Ngày phát hiện')
  detectedOn?: string;
}

export class UpdateNonconformityDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @IsNotBlank()
  @FieldLabel('Tiêu đề sự không phù hợp')
  title?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Mô tả sự không phù hợp')
  description?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '8.7', description: 'null: bỏ điều khoản' })
  @IsOptionalNullable()
  @IsIsoClause()
  @FieldLabel('Điều khoản')
  clause?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null: bỏ đơn vị' })
  @IsOptionalNullable()
  @IsUUID()
  @FieldLabel('Đơn vị liên quan')
  orgUnitId?: string | null;

  @ApiPropertyOptional({ enum: NonconformitySeverity, enumName: 'NonconformitySeverity' })
  @IsOptionalNotNull()
  @IsEnum(NonconformitySeverity)
  @FieldLabel('Mức độ')
  severity?: NonconformitySeverity;
}

/** `field:direction`, every field the list may be sorted by. */
export const NONCONFORMITY_SORTS = ['number', 'detectedOn', 'title', 'createdAt'].flatMap((f) => [
  `${f}:asc`,
  `${f}:desc`,
]);

export class ListNonconformitiesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NonconformitySource, enumName: 'NonconformitySource' })
  @IsOptionalNotNull()
  @IsEnum(NonconformitySource)
  @FieldLabel('Nguồn phát hiện')
  source?: NonconformitySource;

  @ApiPropertyOptional({ enum: NonconformitySeverity, enumName: 'NonconformitySeverity' })
  @IsOptionalNotNull()
  @IsEnum(NonconformitySeverity)
  @FieldLabel('Mức độ')
  severity?: NonconformitySeverity;

  @ApiPropertyOptional({ enum: NonconformityState, enumName: 'NonconformityState' })
  @IsOptionalNotNull()
  @IsEnum(NonconformityState)
  @FieldLabel('Trạng thái sự không phù hợp')
  state?: NonconformityState;

  @ApiPropertyOptional({ example: '8.7' })
  @IsOptionalNotNull()
  @IsIsoClause()
  @FieldLabel('Điều khoản')
  clause?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Đơn vị liên quan')
  orgUnitId?: string;

  @ApiPropertyOptional({ type: 'integer', example: 2026, description: 'Năm đánh số' })
  @IsOptionalNotNull()
  @IsQueryInt(MIN_YEAR, MAX_YEAR)
  @FieldLabel('Năm')
  year?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Cuộc đánh giá nội bộ' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Cuộc đánh giá')
  auditId?: string;

  @ApiPropertyOptional({ description: 'Tìm theo tiêu đề (không phân biệt dấu) hoặc số' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: NONCONFORMITY_SORTS,
    example: 'number:desc',
    description: 'number | detectedOn | title | createdAt, :asc | :desc',
  })
  @IsOptionalNotNull()
  @IsIn(NONCONFORMITY_SORTS)
  sort?: string;
}

export class NonconformitySummaryQueryDto {
  @ApiPropertyOptional({
    example: '2026-01-01',
    description:
      'Ngày phát hiện từ (gồm cả ngày này); mặc định ngày 01/01 của năm của ngày đến (không có ngày đến: năm nay)',
  })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @FieldLabel('Từ ngày')
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description:
      'Ngày phát hiện đến (gồm cả ngày này); mặc định ngày 31/12 của năm của ngày từ (không có ngày từ: năm nay)',
  })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @FieldLabel('Đến ngày')
  to?: string;
}

export class CapaRegisterQueryDto {
  @ApiPropertyOptional({ type: 'integer', example: 2026, description: 'Năm; mặc định năm nay' })
  @IsOptionalNotNull()
  @IsQueryInt(MIN_YEAR, MAX_YEAR)
  @FieldLabel('Năm')
  year?: number;

  @ApiPropertyOptional({ enum: ['json', 'xlsx', 'pdf'] })
  @IsOptionalNotNull()
  @IsString()
  format?: string;
}
