import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsOptionalNotNull } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

/** Form fields (or query parameters) sent with the CSV file. */
export class ImportAgenciesDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Cơ quan cấp trên của các dòng không phải cấp xã (ví dụ: Ủy ban nhân dân tỉnh)',
  })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Cơ quan cấp trên')
  parentId?: string;
}
