import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { DocumentType, VersionState } from '@eiso/documents';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsIsoClause } from '../../http/field-formats';

export class ListDocumentsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: DocumentType })
  @IsOptional()
  @IsEnum(DocumentType)
  type?: DocumentType;

  @ApiPropertyOptional({ enum: VersionState, description: 'Trạng thái của phiên bản mới nhất' })
  @IsOptional()
  @IsEnum(VersionState)
  state?: VersionState;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerOrgUnitId?: string;

  @ApiPropertyOptional({ example: '7.5.3' })
  @IsOptional()
  @IsIsoClause()
  isoClause?: string;

  @ApiPropertyOptional({ description: 'Chỉ tài liệu đến hạn hoặc quá hạn xem xét (trong 30 ngày tới)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  reviewDue?: boolean;

  @ApiPropertyOptional({ description: 'Tìm theo mã hiệu hoặc tên, không phân biệt dấu' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    example: 'code:asc',
    description: 'code | title | updatedAt | nextReviewDate, :asc | :desc',
  })
  @IsOptional()
  @Matches(/^(code|title|updatedAt|nextReviewDate):(asc|desc)$/)
  sort?: string;
}
