import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsOptionalNotNull } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

export class ListIsoClausesQueryDto {
  @ApiPropertyOptional({
    example: 'TCVN ISO 9001:2015',
    description: 'Phiên bản tiêu chuẩn; mặc định là phiên bản hiện hành',
  })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @FieldLabel('Phiên bản tiêu chuẩn')
  edition?: string;

  @ApiPropertyOptional({
    example: 'danh gia noi bo',
    description: 'Đầu số điều khoản (9.2) hoặc một phần tên điều khoản, không phân biệt dấu và hoa thường',
  })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(100)
  @FieldLabel('Từ khóa tìm kiếm')
  q?: string;
}

export class ListIsoClauseMappingsQueryDto {
  @ApiPropertyOptional({
    example: 'TCVN ISO 9001:2015',
    description: 'Phiên bản nguồn; bỏ trống: mọi phiên bản',
  })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @FieldLabel('Phiên bản nguồn')
  from?: string;

  @ApiPropertyOptional({ example: 'ISO 9001:2026', description: 'Phiên bản đích; bỏ trống: mọi phiên bản' })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @FieldLabel('Phiên bản đích')
  to?: string;
}
