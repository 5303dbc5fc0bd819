import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DocumentType } from '@eiso/documents';
import { IsIsoClauses, IsLocalCode, IsOptionalNotNull, IsTthcCodes } from '../../http/field-formats';
import { ExternalSourceDto } from './external-source.dto';
import { FieldLabel } from '../../http/field-labels';

export class DistributionDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Phòng, ban nhận tài liệu' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  orgUnitIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Người nhận tài liệu' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true })
  userIds?: string[];
}

export class CreateDocumentDto {
  @ApiProperty({ example: 'QT-HT-01', description: 'Mã hiệu, duy nhất trong cơ quan' })
  @IsLocalCode()
  @FieldLabel('Mã hiệu tài liệu')
  code: string;

  @ApiProperty({ example: 'Quy trình kiểm soát thông tin dạng văn bản' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @FieldLabel('Tên tài liệu')
  title: string;

  @ApiProperty({ enum: DocumentType })
  @IsEnum(DocumentType)
  @FieldLabel('Loại tài liệu')
  type: DocumentType;

  @ApiPropertyOptional({ format: 'uuid', description: 'Đơn vị chủ trì' })
  @IsOptionalNotNull()
  @IsUUID()
  ownerOrgUnitId?: string;

  @ApiPropertyOptional({ example: ['7.5.2', '7.5.3'], description: 'Điều khoản ISO 9001:2015' })
  @IsOptionalNotNull()
  @IsIsoClauses()
  isoClauses?: string[];

  @ApiPropertyOptional({ example: ['1.000948'], description: 'Mã thủ tục hành chính' })
  @IsOptionalNotNull()
  @IsTthcCodes()
  tthcCodes?: string[];

  @ApiPropertyOptional({ default: 12, description: 'Chu kỳ xem xét định kỳ (tháng)' })
  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  reviewIntervalMonths?: number;

  @ApiPropertyOptional({ type: DistributionDto, description: 'Danh sách phân phối' })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => DistributionDto)
  distribution?: DistributionDto;

  @ApiPropertyOptional({
    type: ExternalSourceDto,
    description:
      'Tài liệu bên ngoài (bắt buộc với loại external, không được gửi với loại khác): cơ quan ban hành, ' +
      'số và ký hiệu, ngày ban hành, ngày có hiệu lực, nơi lưu',
  })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => ExternalSourceDto)
  external?: ExternalSourceDto;
}
