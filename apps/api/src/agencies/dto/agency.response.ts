import { ApiProperty } from '@nestjs/swagger';
import { AgencyLevel, AgencyStatus, AgencyView } from '@eiso/organizations';

export class AgencyResponse implements AgencyView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ nullable: true, type: String, description: 'Mã cơ quan' })
  code: string | null;

  @ApiProperty({ example: 'Ủy ban nhân dân huyện Đăk Hà', description: 'Tên cơ quan' })
  name: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'STP',
    description: 'Ký hiệu cơ quan trong số văn bản',
  })
  abbreviation: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Kon Tum', description: 'Địa danh ghi trên văn bản' })
  place: string | null;

  @ApiProperty({ enum: AgencyLevel, description: 'Cấp hành chính' })
  level: AgencyLevel;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Cơ quan cấp trên' })
  parentId: string | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    example: 2027,
    description: 'Năm phải hoàn thành theo lộ trình',
  })
  roadmapYear: number | null;

  @ApiProperty({ enum: AgencyStatus, description: 'Tình trạng: đang hoạt động, đã sáp nhập, đã giải thể' })
  status: AgencyStatus;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Cơ quan kế thừa sau sắp xếp' })
  successorId: string | null;

  @ApiProperty({ format: 'date', description: 'Ngày bắt đầu hiệu lực' })
  validFrom: string;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Ngày hết hiệu lực' })
  validTo: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Phiên bản; ETag là "<version>"' })
  version: number;
}
