import { ApiProperty } from '@nestjs/swagger';
import { AgencyImportSummary } from '@eiso/organizations';

export class AgencyImportSummaryResponse implements AgencyImportSummary {
  @ApiProperty({ example: 147, description: 'Số dòng trong tệp' })
  total: number;

  @ApiProperty({ example: 147, description: 'Số cơ quan được tạo mới' })
  created: number;

  @ApiProperty({ example: 0, description: 'Số cơ quan đã có được cập nhật cấp hoặc năm lộ trình' })
  updated: number;

  @ApiProperty({ example: 0, description: 'Số cơ quan đã có, không thay đổi' })
  unchanged: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { 2025: 35, 2027: 10, 2030: 102 },
    description: 'Số cơ quan theo năm phải hoàn thành',
  })
  byRoadmapYear: Record<number, number>;
}
