import { ApiProperty } from '@nestjs/swagger';
import { RecordFileView } from '@eiso/records';

export class RecordFileResponse implements RecordFileView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'bien-ban-hop.pdf' })
  name: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Kích thước (byte)' })
  size: number;

  @ApiProperty({ description: 'sha256 (hex) của nội dung tệp' })
  sha256: string;

  @ApiProperty({ example: 'application/pdf' })
  mediaType: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Thời điểm nội dung bị xóa khi hủy hồ sơ (dòng dữ liệu được giữ lại)',
  })
  deletedAt: string | null;
}
