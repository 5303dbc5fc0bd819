import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RecordState, RecordView } from '@eiso/records';
import { RecordFileResponse } from './record-file.response';
import { ApiNullableProperty } from '../../http/openapi/api-nullable-property';

export class RecordTypeRefResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'HS-01' })
  code: string;

  @ApiProperty()
  name: string;
}

export class RecordHoldResponse {
  @ApiProperty({ description: 'Lý do phong tỏa' })
  reason: string;

  @ApiProperty({ format: 'date-time' })
  heldAt: string;

  @ApiProperty({ format: 'uuid', description: 'Người phong tỏa' })
  heldBy: string;
}

/** What stays of a disposed record: the batch, who and when, and a hash over the deleted files. */
export class RecordDisposalResponse {
  @ApiProperty({ format: 'uuid' })
  disposalId: string;

  @ApiProperty({ format: 'date-time' })
  disposedAt: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  disposedBy: string | null;

  @ApiProperty({ description: 'sha256 (hex) trên sha256 của các tệp đã xóa' })
  sha256: string;
}

export class RecordResponse implements RecordView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ type: RecordTypeRefResponse })
  recordType: RecordTypeRefResponse;

  @ApiProperty()
  title: string;

  @ApiProperty({ nullable: true, type: String, description: 'Số, ký hiệu' })
  reference: string | null;

  @ApiProperty({ format: 'date', description: 'Ngày hồ sơ' })
  recordDate: string;

  @ApiProperty({ nullable: true, type: String, description: 'Mã thủ tục hành chính' })
  tthcCode: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Thời hạn lưu trữ (tháng); null khi vĩnh viễn',
  })
  retentionMonths: number | null;

  @ApiProperty()
  permanent: boolean;

  @ApiProperty({ example: '5 năm' })
  retentionLabel: string;

  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'Hết hạn lưu trữ; null khi vĩnh viễn',
  })
  retentionEnd: string | null;

  @ApiProperty({ enum: RecordState, enumName: 'RecordState' })
  state: RecordState;

  @ApiProperty({ example: 'Đang lưu trữ' })
  stateLabel: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Thời điểm đến hạn hủy' })
  dueAt: string | null;

  @ApiProperty({ description: 'Đang bị phong tỏa' })
  onHold: boolean;

  @ApiNullableProperty(RecordHoldResponse)
  hold: RecordHoldResponse | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Đợt hủy (chưa bị từ chối) có hồ sơ này',
  })
  pendingDisposalId: string | null;

  @ApiNullableProperty(RecordDisposalResponse, { description: 'Lưu vết sau khi hủy' })
  disposal: RecordDisposalResponse | null;

  @ApiPropertyOptional({
    type: [RecordFileResponse],
    description: 'Các tệp của hồ sơ; không có trong danh sách',
  })
  files?: RecordFileResponse[];

  @ApiProperty({ format: 'uuid', description: 'Người lập' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;
}
