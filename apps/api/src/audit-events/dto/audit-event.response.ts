import { ApiProperty } from '@nestjs/swagger';
import { AuditEventView } from '@eiso/audit-trail';

/** One link of the audit chain, redacted when the reader may not see its subject. */
export class AuditEventResponse implements AuditEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '1024', description: 'Số thứ tự trong chuỗi (chuỗi chữ số)' })
  seq: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: hệ thống' })
  actorId: string | null;

  @ApiProperty({ example: 'nva' })
  actorUsername: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Họ tên; null với hệ thống hoặc tài khoản không còn',
  })
  actorName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  agencyId: string | null;

  @ApiProperty({ example: 'document_version' })
  entityType: string;

  @ApiProperty()
  entityId: string;

  @ApiProperty({ nullable: true, type: String, description: 'Tên đối tượng; null khi bị che' })
  subjectName: string | null;

  @ApiProperty({ example: 'document.issued' })
  action: string;

  @ApiProperty({ example: 'Ban hành tài liệu' })
  actionLabel: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'null khi bị che' })
  before: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'null khi bị che' })
  after: Record<string, unknown> | null;

  @ApiProperty({ description: 'Người đọc không được xem đối tượng: nội dung thay đổi bị che' })
  redacted: boolean;

  @ApiProperty({ nullable: true, type: String })
  requestId: string | null;

  @ApiProperty({ description: 'sha256 (hex) của mắt xích' })
  hash: string;

  @ApiProperty({ description: 'sha256 (hex) của mắt xích trước' })
  prevHash: string;
}
