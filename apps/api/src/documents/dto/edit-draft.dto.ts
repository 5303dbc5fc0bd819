import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsIsoClauses, IsTthcCodes } from '../../http/field-formats';

export class EditDraftDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ nullable: true, description: 'Nội dung sửa đổi' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  changeSummary?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsIsoClauses()
  isoClauses?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsTthcCodes()
  tthcCodes?: string[];
}
