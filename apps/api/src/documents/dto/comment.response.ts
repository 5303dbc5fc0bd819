import { ApiProperty } from '@nestjs/swagger';
import { CommentView } from '@eiso/documents';

/** A review or approval remark, kept when the version goes back to draft. */
export class CommentResponse implements CommentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    example: 'review_return',
    description: 'review_approve, review_return: khi xem xét; approve, approval_return: khi phê duyệt',
  })
  kind: string;

  @ApiProperty({ format: 'uuid', description: 'Người ghi ý kiến' })
  authorId: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
