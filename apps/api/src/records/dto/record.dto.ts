import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { RecordState } from '@eiso/records';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsCalendarDate, IsOptionalNotNull, IsTthcCode } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

export class CreateRecordDto {
  @ApiProperty({ format: 'uuid', description: 'Loại hồ sơ trong Danh mục hồ sơ' })
  @IsUUID()
  recordTypeId: string;

  @ApiProperty({ example: 'Hồ sơ cấp giấy phép xây dựng số 125/GPXD' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @FieldLabel('Tên hồ sơ')
  title: string;

  @ApiPropertyOptional({ example: '000.00.12.H34-260105-0001', description: 'Số hồ sơ, số ký hiệu' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  reference?: string;

  @ApiProperty({ example: '2026-01-05', description: 'Ngày của hồ sơ; thời hạn lưu trữ tính từ ngày này' })
  @IsCalendarDate()
  recordDate: string;

  @ApiPropertyOptional({ example: '1.000948', description: 'Mã thủ tục hành chính' })
  @IsOptionalNotNull()
  @IsTthcCode()
  tthcCode?: string;
}

/** `field:direction`, every field the list may be sorted by. */
const RECORD_SORTS = ['recordDate', 'retentionEnd', 'title', 'createdAt'].flatMap((f) => [
  `${f}:asc`,
  `${f}:desc`,
]);

export class ListRecordsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  recordTypeId?: string;

  @ApiPropertyOptional({ enum: RecordState })
  @IsOptionalNotNull()
  @IsEnum(RecordState)
  @FieldLabel('Trạng thái hồ sơ')
  state?: RecordState;

  @ApiPropertyOptional({ description: 'Chỉ hồ sơ đang (true) hoặc không (false) bị phong tỏa' })
  @IsOptionalNotNull()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  onHold?: boolean;

  @ApiPropertyOptional({ example: '2020-01-01', description: 'Ngày hồ sơ từ (gồm cả ngày này)' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  recordDateFrom?: string;

  @ApiPropertyOptional({ example: '2020-12-31', description: 'Ngày hồ sơ đến (gồm cả ngày này)' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  recordDateTo?: string;

  @ApiPropertyOptional({ example: '2027-01-01', description: 'Hết hạn lưu trữ trước ngày này' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  retentionBefore?: string;

  @ApiPropertyOptional({ description: 'Tìm theo tên hoặc số ký hiệu, không phân biệt dấu' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: RECORD_SORTS,
    example: 'recordDate:desc',
    description: 'recordDate | retentionEnd | title | createdAt, :asc | :desc',
  })
  @IsOptionalNotNull()
  @IsIn(RECORD_SORTS)
  sort?: string;
}

export class HoldRecordDto {
  @ApiProperty({ example: 'Phục vụ thanh tra theo Quyết định số 12/QĐ-TTr' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @FieldLabel('Lý do phong tỏa')
  reason: string;
}
