import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { DocumentType, VersionState } from '@eiso/documents';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsIsoClause, IsOptionalNotNull } from '../../http/field-formats';

export class ListDocumentsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: DocumentType })
  @IsOptionalNotNull()
  @IsEnum(DocumentType)
  type?: DocumentType;

  @ApiPropertyOptional({ enum: VersionState, description: 'Trạng thái của phiên bản mới nhất' })
  @IsOptionalNotNull()
  @IsEnum(VersionState)
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
    example: 'code:asc',
    description: 'code | title | updatedAt | nextReviewDate, :asc | :desc',
  })
  @IsOptionalNotNull()
  @Matches(/^(code|title|updatedAt|nextReviewDate):(asc|desc)$/)
  sort?: string;
}
