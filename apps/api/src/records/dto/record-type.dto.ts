import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsBoolean, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsLocalCode, IsOptionalNotNull, IsOptionalNullable } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

export class CreateRecordTypeDto {
  @ApiProperty({ example: 'HS-TTHC-01', description: 'Mã loại hồ sơ, duy nhất trong cơ quan' })
  @IsLocalCode()
  @FieldLabel('Mã loại hồ sơ')
  code: string;

  @ApiProperty({ example: 'Hồ sơ giải quyết thủ tục hành chính' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @FieldLabel('Tên loại hồ sơ')
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Quy trình (tài liệu) tạo ra hồ sơ này' })
  @IsOptionalNotNull()
  @IsUUID()
  documentId?: string;

  @ApiPropertyOptional({ example: 60, description: 'Thời hạn lưu trữ (tháng); bỏ trống khi lưu vĩnh viễn' })
  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1200)
  retentionMonths?: number;

  @ApiPropertyOptional({ example: true, description: 'Lưu trữ vĩnh viễn (thay cho retentionMonths)' })
  @IsOptionalNotNull()
  @Equals(true)
  permanent?: boolean;

  @ApiProperty({ example: 'Tủ hồ sơ phòng Một cửa, kho lưu trữ cơ quan' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  storagePlace: string;

  @ApiProperty({ format: 'uuid', description: 'Đơn vị chịu trách nhiệm lưu hồ sơ' })
  @IsUUID()
  responsibleOrgUnitId: string;
}

/**
 * Any field of the create body; `permanent: false` with `retentionMonths` turns a permanent type back.
 * `null` clears the procedure, or the months of a type made permanent; other fields refuse it.
 */
export class UpdateRecordTypeDto extends PartialType(
  OmitType(CreateRecordTypeDto, ['permanent', 'documentId', 'retentionMonths'] as const),
  { skipNullProperties: false },
) {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Quy trình (tài liệu) tạo ra hồ sơ này',
  })
  @IsOptionalNullable()
  @IsUUID()
  documentId?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'Thời hạn lưu trữ (tháng); null khi chuyển sang vĩnh viễn',
  })
  @IsOptionalNullable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1200)
  retentionMonths?: number | null;

  @ApiPropertyOptional({ description: 'true: lưu vĩnh viễn; false (kèm retentionMonths): có thời hạn' })
  @IsOptionalNotNull()
  @IsBoolean()
  permanent?: boolean;
}

export class ListRecordTypesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Tìm theo mã hoặc tên, không phân biệt dấu' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(100)
  q?: string;
}
