import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsOptionalNotNull } from '../../http/field-formats';

/** Form fields (or query parameters) sent with the CSV file. */
export class ImportAgenciesDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Cơ quan cấp trên của các dòng không phải cấp xã (ví dụ: Ủy ban nhân dân tỉnh)',
  })
  @IsOptionalNotNull()
  @IsUUID()
  parentId?: string;
}
