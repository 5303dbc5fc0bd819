import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { DocumentType, VersionState } from '@eiso/documents';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsIsoClause, IsOptionalNotNull } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

/** `field:direction`, every field a list may be sorted by. */
const DOCUMENT_SORTS = ['code', 'title', 'updatedAt', 'nextReviewDate'].flatMap((f) => [
  `${f}:asc`,
  `${f}:desc`,
]);

export class ListDocumentsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: DocumentType })
  @IsOptionalNotNull()
  @IsEnum(DocumentType)
  @FieldLabel('Loại tài liệu')
  type?: DocumentType;

  @ApiPropertyOptional({ enum: VersionState, description: 'Trạng thái của phiên bản mới nhất' })
  @IsOptionalNotNull()
  @IsEnum(VersionState)
  @FieldLabel('Trạng thái phiên bản')
  state?: VersionState;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  ownerOrgUnitId?: string;

  @ApiPropertyOptional({ example: '7.5.3' })
  @IsOptionalNotNull()
  @IsIsoClause()
  isoClause?: string;

  @ApiPropertyOptional({ description: 'Chỉ tài liệu đến hạn hoặc quá hạn xem xét (trong 30 ngày tới)' })
  @IsOptionalNotNull()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  reviewDue?: boolean;

  @ApiPropertyOptional({ description: 'Tìm theo mã hiệu hoặc tên, không phân biệt dấu' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: DOCUMENT_SORTS,
    example: 'code:asc',
    description: 'code | title | updatedAt | nextReviewDate, :asc | :desc',
  })
  @IsOptionalNotNull()
  @IsIn(DOCUMENT_SORTS)
  sort?: string;
}
