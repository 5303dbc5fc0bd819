import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { EXTERNAL_SOURCE_LABELS as LABELS } from '@eiso/documents';
import { IsCalendarDate, IsOptionalNotNull, IsOptionalNullable } from '../../http/field-formats';

/** What identifies an external document: required when one is created (type `external`). */
export class ExternalSourceDto {
  @ApiProperty({ example: 'Bộ Khoa học và Công nghệ', description: LABELS.issuingBody })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  issuingBody: string;

  @ApiProperty({ example: '26/2014/TT-BKHCN', description: LABELS.numberSymbol })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  numberSymbol: string;

  @ApiProperty({ example: '2014-10-10', description: `${LABELS.issuedDate} (không sau hôm nay)` })
  @IsCalendarDate()
  issuedDate: string;

  @ApiPropertyOptional({
    type: String,
    example: '2014-12-01',
    nullable: true,
    description: `${LABELS.inForceDate} (không trước ngày ban hành)`,
  })
  @IsOptionalNullable()
  @IsCalendarDate()
  inForceDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: 'Tủ hồ sơ Văn phòng, ngăn 2',
    nullable: true,
    description: LABELS.storagePlace,
  })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(300)
  storagePlace?: string | null;
}

/** Changes to a draft's external source: a field left out stays, `null` clears an optional one. */
export class EditExternalSourceDto {
  @ApiPropertyOptional({ description: LABELS.issuingBody })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  issuingBody?: string;

  @ApiPropertyOptional({ description: LABELS.numberSymbol })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  numberSymbol?: string;

  @ApiPropertyOptional({ description: LABELS.issuedDate })
  @IsOptionalNotNull()
  @IsCalendarDate()
  issuedDate?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: LABELS.inForceDate })
  @IsOptionalNullable()
  @IsCalendarDate()
  inForceDate?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: LABELS.storagePlace })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(300)
  storagePlace?: string | null;
}
