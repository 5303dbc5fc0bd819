import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DisposalState, DisposalView } from '@eiso/records';
import { SignatureFactsResponse } from '../../http/openapi/signature-facts.response';
import { ApiNullableProperty } from '../../http/openapi/api-nullable-property';

/** The approver's signature on a batch, as made. */
export class DisposalSignatureResponse extends SignatureFactsResponse {
  @ApiPropertyOptional({
    description:
      'Mã băm tính lại từ đợt hủy, hồ sơ và tệp lúc ký khớp với mã đã ký (chỉ khi đọc một đợt hủy)',
  })
  contentVerified?: boolean;
}

/** A disposal batch (đợt hủy hồ sơ). */
export class DisposalResponse implements DisposalView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Số biên bản hủy hồ sơ của cơ quan' })
  number: number;

  @ApiProperty({ example: '01/BB-HHS' })
  numberLabel: string;

  @ApiProperty({ enum: DisposalState, enumName: 'DisposalState' })
  state: DisposalState;

  @ApiProperty({ example: 'Chờ phê duyệt' })
  stateLabel: string;

  @ApiProperty({ nullable: true, type: String, description: 'Ghi chú của người đề nghị' })
  note: string | null;

  @ApiProperty({ type: 'integer', minimum: 1 })
  recordCount: number;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    description: 'Các hồ sơ của đợt (chỉ khi đọc một đợt hủy)',
  })
  recordIds?: string[];

  @ApiProperty({ format: 'uuid', description: 'Người đề nghị' })
  proposedBy: string;

  @ApiProperty({ nullable: true, type: String, description: 'Họ tên người đề nghị lúc đề nghị' })
  proposerName: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Chức vụ người đề nghị lúc đề nghị' })
  proposerPosition: string | null;

  @ApiProperty({ format: 'date-time' })
  proposedAt: string;

  @ApiNullableProperty(DisposalSignatureResponse, { description: 'Chữ ký phê duyệt hủy' })
  signature: DisposalSignatureResponse | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  rejectedBy: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  rejectedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  rejectionReason: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Thời điểm đã xóa xong các tệp',
  })
  completedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;
}
