import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CommentKind = 'review_approve' | 'review_return' | 'approval_return' | 'approve';

/** Review and approval remarks, kept when a version goes back to draft. */
@Entity({ name: 'document_comment' })
export class DocumentCommentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ type: 'text' }) kind: CommentKind;
  @Column({ type: 'text' }) body: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
