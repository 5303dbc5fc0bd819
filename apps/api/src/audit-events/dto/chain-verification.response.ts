import { ApiProperty } from '@nestjs/swagger';
import { BrokenLinkReason, ChainVerificationView } from '@eiso/audit-trail';
import { ApiNullableProperty } from '../../http/openapi/api-nullable-property';

const BROKEN_LINK_REASONS: BrokenLinkReason[] = ['hash_mismatch', 'prev_hash_mismatch'];

export class BrokenLinkResponse {
  @ApiProperty({ nullable: true, type: String, description: 'null khi không thuộc phạm vi người đọc' })
  seq: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  id: string | null;

  @ApiProperty({ enum: BROKEN_LINK_REASONS })
  reason: BrokenLinkReason;

  @ApiProperty({ description: 'false: mắt xích của cơ quan khác hoặc của hệ thống; vị trí không được nêu' })
  inScope: boolean;
}

/** Whether the audit chain is intact, as far as its reader may learn. */
export class ChainVerificationResponse implements ChainVerificationView {
  @ApiProperty()
  ok: boolean;

  @ApiProperty({
    enum: ['all', 'agency'],
    description: 'all: quản trị hệ thống; agency: cơ quan của người đọc',
  })
  scope: 'all' | 'agency';

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số mắt xích đã kiểm tra' })
  checked: number;

  @ApiProperty({ nullable: true, type: String, description: 'Mã băm của mắt xích nguyên vẹn cuối cùng' })
  lastHash: string | null;

  @ApiNullableProperty(BrokenLinkResponse)
  firstBroken: BrokenLinkResponse | null;
}
