import { ApiProperty } from '@nestjs/swagger';
import { RecordTypeView } from '@eiso/records';

/** A line of the Danh mục hồ sơ; its ETag is `"<version>"`. */
export class RecordTypeResponse implements RecordTypeView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ example: 'HS-01', description: 'Mã loại hồ sơ' })
  code: string;

  @ApiProperty({ description: 'Tên loại hồ sơ' })
  name: string;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Tài liệu (quy trình) sinh ra hồ sơ',
  })
  documentId: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Thời hạn lưu trữ (tháng); null khi vĩnh viễn',
  })
  retentionMonths: number | null;

  @ApiProperty({ description: 'Lưu trữ vĩnh viễn' })
  permanent: boolean;

  @ApiProperty({ example: '5 năm' })
  retentionLabel: string;

  @ApiProperty({ description: 'Nơi lưu' })
  storagePlace: string;

  @ApiProperty({ format: 'uuid', description: 'Phòng, ban lưu giữ' })
  responsibleOrgUnitId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Phiên bản dòng dữ liệu; ETag là "<version>"' })
  version: number;
}
