import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { RestructureKind } from '@eiso/restructuring';
import { IsCalendarDate, IsCodePrefix, IsNotBlank, IsOptionalNotNull } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

/** `POST /agencies/restructure` and its preview. */
export class RestructureDto {
  @ApiProperty({ enum: RestructureKind, enumName: 'RestructureKind' })
  @IsEnum(RestructureKind)
  @FieldLabel('Hình thức sắp xếp')
  kind: RestructureKind;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Các cơ quan kết thúc hoạt động' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  @FieldLabel('Cơ quan bị sắp xếp')
  from: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Cơ quan tiếp nhận (sáp nhập, giải thể)' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Cơ quan tiếp nhận')
  to?: string;

  @ApiPropertyOptional({ description: 'Tên mới (đổi tên)' })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @IsNotBlank()
  @FieldLabel('Tên mới')
  newName?: string;

  @ApiProperty({ format: 'date', example: '2025-07-01' })
  @IsCalendarDate()
  @FieldLabel('Ngày có hiệu lực')
  effectiveDate: string;

  @ApiPropertyOptional({
    example: 'KT-',
    description: 'Thêm trước mã tài liệu bị trùng với mã của cơ quan tiếp nhận (thay vì từ chối)',
  })
  @IsOptionalNotNull()
  @IsCodePrefix()
  @FieldLabel('Tiền tố mã tài liệu')
  codePrefix?: string;
}
