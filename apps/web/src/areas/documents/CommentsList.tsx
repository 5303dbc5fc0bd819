import { List, Tag, Typography } from 'antd';
import { formatDateTime } from '../../ui/dates';
import { COMMENT_KIND_LABELS, TAG_COLORS, type CommentView } from './labels';

/** The review and approval comments of a version, oldest first. */
export function CommentsList({ comments }: { comments: CommentView[] }) {
  if (!comments.length) return <Typography.Text type="secondary">Chưa có ý kiến nào.</Typography.Text>;
  return (
    <List
      dataSource={comments}
      renderItem={(comment) => (
        <List.Item>
          <List.Item.Meta
            title={
              <>
                <Tag color={comment.kind.endsWith('return') ? TAG_COLORS.orange : 'default'}>
                  {COMMENT_KIND_LABELS[comment.kind] ?? comment.kind}
                </Tag>
                <Typography.Text type="secondary">{formatDateTime(comment.createdAt)}</Typography.Text>
              </>
            }
            description={<Typography.Text>{comment.body}</Typography.Text>}
          />
        </List.Item>
      )}
    />
  );
}
