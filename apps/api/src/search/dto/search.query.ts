import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { DocumentType } from '@eiso/documents';
import { SEARCH_SCOPES, type SearchScope } from '@eiso/search';
import { IsOptionalNotNull } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';
import { PageQueryDto } from '../../http/page-query.dto';

/** `?q=…&scope=documents|records`, the filters of the scope, and the page. */
export class SearchQueryDto extends PageQueryDto {
  @ApiProperty({
    description:
      'Từ khóa, có dấu hay không dấu; "cụm từ" trong ngoặc kép tìm đúng thứ tự, từ kết thúc bằng * tìm theo tiền tố',
    example: '"thoi han giai quyet" ngay*',
    minLength: 1,
    maxLength: 200,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @FieldLabel('Từ khóa tìm kiếm')
  q: string;

  @ApiPropertyOptional({ enum: SEARCH_SCOPES, default: 'documents' })
  @IsOptionalNotNull()
  @IsIn(SEARCH_SCOPES)
  @FieldLabel('Phạm vi tìm kiếm')
  scope: SearchScope = 'documents';

  @ApiPropertyOptional({ enum: Object.values(DocumentType), description: 'Tài liệu: loại tài liệu' })
  @IsOptionalNotNull()
  @IsIn(Object.values(DocumentType))
  @FieldLabel('Loại tài liệu')
  type?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Tài liệu, người xem mọi cơ quan: một cơ quan' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Cơ quan')
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Hồ sơ: một loại hồ sơ' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Loại hồ sơ')
  recordTypeId?: string;
}
