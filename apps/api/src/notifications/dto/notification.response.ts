import { ApiProperty } from '@nestjs/swagger';
import { NotificationPage, NotificationView } from '@eiso/notifications';

export class NotificationResponse implements NotificationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'document.submitted', description: 'Loại sự kiện' })
  kind: string;

  @ApiProperty({ example: 'Tài liệu QT-HT-01 chờ xem xét', description: 'Tiêu đề' })
  title: string;

  @ApiProperty({ description: 'Nội dung' })
  body: string;

  @ApiProperty({ nullable: true, type: String, example: 'document_version', description: 'Loại đối tượng' })
  entityType: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Mã đối tượng' })
  entityId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Đường dẫn mở đối tượng' })
  link: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Thời điểm đã đọc' })
  readAt: string | null;
}

/** What an inbox page adds to `Page<NotificationResponse>`. */
export class UnreadCountResponse implements Pick<NotificationPage, 'unread'> {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Số thông báo chưa đọc của người dùng (mọi trang)',
  })
  unread: number;
}
