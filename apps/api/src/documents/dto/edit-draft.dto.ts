import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsIsoClauses, IsOptionalNotNull, IsOptionalNullable, IsTthcCodes } from '../../http/field-formats';
import { EditExternalSourceDto } from './external-source.dto';
import { FieldLabel } from '../../http/field-labels';

export class EditDraftDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @FieldLabel('Tên tài liệu')
  title?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Nội dung sửa đổi' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(4000)
  changeSummary?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsIsoClauses()
  isoClauses?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsTthcCodes()
  tthcCodes?: string[];

  @ApiPropertyOptional({
    type: EditExternalSourceDto,
    description: 'Chỉ với tài liệu bên ngoài: cơ quan ban hành, số và ký hiệu, các ngày, nơi lưu',
  })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => EditExternalSourceDto)
  external?: EditExternalSourceDto;
}
