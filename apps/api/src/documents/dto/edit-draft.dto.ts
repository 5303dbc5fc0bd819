import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsIsoClauses, IsOptionalNotNull, IsOptionalNullable, IsTthcCodes } from '../../http/field-formats';

export class EditDraftDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ nullable: true, description: 'Nội dung sửa đổi' })
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
}
