import { ApiProperty } from '@nestjs/swagger';
import { SignatureFacts } from '@eiso/signatures';

/** Who signed, as whom, when and over what: the part every domain's signature shares. */
export class SignatureFactsResponse implements SignatureFacts {
  @ApiProperty({ format: 'uuid', description: 'Người ký' })
  signerId: string;

  @ApiProperty({ example: 'Nguyễn Văn An', description: 'Họ tên người ký lúc ký' })
  signerName: string;

  @ApiProperty({ nullable: true, type: String, example: 'Giám đốc', description: 'Chức vụ lúc ký' })
  signerPosition: string | null;

  @ApiProperty({ example: 'approver', description: 'Vai trò lúc ký' })
  signerRole: string;

  @ApiProperty({ format: 'date-time' })
  signedAt: string;

  @ApiProperty({ example: 'a3f1…', description: 'sha256 (hex) của nội dung được ký' })
  contentHash: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description:
      'Thời điểm người ký đặt mật khẩu gần nhất trước khi ký; null nếu ký trước khi lưu thông tin này',
  })
  passwordSetAt: string | null;
}
