import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { DeclarationKind, DeclarationState } from '@eiso/conformity';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsNotBlank, IsOptionalNotNull, IsTthcCodes } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

const LEGAL_BASES_MAX = 10;
const LEGAL_BASIS_LENGTH = 1000;

export class CreateDeclarationDto {
  @ApiPropertyOptional({
    enum: DeclarationKind,
    enumName: 'DeclarationKind',
    description: 'Mặc định: công bố lại nếu cơ quan đã công bố, ngược lại công bố lần đầu',
  })
  @IsOptionalNotNull()
  @IsEnum(DeclarationKind)
  @FieldLabel('Loại công bố')
  kind?: DeclarationKind;

  @ApiPropertyOptional({
    type: [String],
    example: ['1.000948', '1.001234'],
    description: 'Mã TTHC trong phạm vi công bố; bỏ trống: mọi TTHC của các quy trình đang có hiệu lực',
  })
  @IsOptionalNotNull()
  @IsTthcCodes()
  @FieldLabel('Phạm vi công bố')
  tthcCodes?: string[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'Căn cứ pháp lý, mỗi căn cứ một dòng (không ghi chữ "Căn cứ"); mặc định QĐ 19/2014/QĐ-TTg và TT 26/2014/TT-BKHCN',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LEGAL_BASES_MAX)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(LEGAL_BASIS_LENGTH, { each: true })
  @IsNotBlank({ each: true })
  @FieldLabel('Căn cứ')
  legalBases?: string[];
}

export class UpdateDeclarationDto {
  @ApiPropertyOptional({ type: [String], example: ['1.000948'] })
  @IsOptionalNotNull()
  @IsTthcCodes()
  @FieldLabel('Phạm vi công bố')
  tthcCodes?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LEGAL_BASES_MAX)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(LEGAL_BASIS_LENGTH, { each: true })
  @IsNotBlank({ each: true })
  @FieldLabel('Căn cứ')
  legalBases?: string[];
}

export class SignDeclarationDto {
  @ApiProperty({ description: 'Mật khẩu của thủ trưởng, nhập lại để xác nhận chữ ký' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  @FieldLabel('Mật khẩu')
  password: string;
}

export class ListDeclarationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Sở KH&CN: lọc theo cơ quan' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Cơ quan')
  agencyId?: string;

  @ApiPropertyOptional({ enum: DeclarationState, enumName: 'DeclarationState' })
  @IsOptionalNotNull()
  @IsEnum(DeclarationState)
  @FieldLabel('Trạng thái')
  state?: DeclarationState;
}

export class DeclarationPdfQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: trước khi ký, tải bản dự thảo (ghi "DỰ THẢO", chưa có chữ ký); đã ký thì luôn là bản đã ký',
  })
  @IsOptionalNotNull()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  @FieldLabel('Bản dự thảo')
  draft?: boolean;
}
