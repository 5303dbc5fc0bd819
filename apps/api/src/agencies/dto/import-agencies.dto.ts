import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** Form fields (or query parameters) sent with the CSV file. */
export class ImportAgenciesDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Cơ quan cấp trên của các dòng không phải cấp xã (ví dụ: Ủy ban nhân dân tỉnh)',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}
