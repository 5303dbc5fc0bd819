import { ApiProperty } from '@nestjs/swagger';
import { VersionView } from '@eiso/documents';
import { CommentResponse } from './comment.response';
import { DocumentFileResponse } from './document-file.response';
import { ExternalSourceResponse } from './external-source.response';
import { SignatureResponse } from './signature.response';
import { VersionSummaryResponse } from './version-summary.response';
import { ApiNullableProperty } from '../../http/openapi/api-nullable-property';

/** A version of a document with its files, signatures and remarks; its ETag is `"<version>"`. */
export class VersionResponse extends VersionSummaryResponse implements VersionView {
  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: [String], example: ['7.5'], description: 'Điều khoản ISO 9001' })
  isoClauses: string[];

  @ApiProperty({ type: [String], description: 'Mã thủ tục hành chính' })
  tthcCodes: string[];

  @ApiNullableProperty(ExternalSourceResponse, {
    description:
      'Tài liệu bên ngoài: cơ quan ban hành, số ký hiệu, các ngày, nơi lưu; null với tài liệu nội bộ',
  })
  external: ExternalSourceResponse | null;

  @ApiProperty({ nullable: true, type: String, description: 'Nội dung sửa đổi' })
  changeSummary: string | null;

  @ApiProperty({ format: 'uuid', description: 'Người soạn thảo' })
  authorId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Phiên bản làm gốc sửa đổi' })
  basedOnVersionId: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  submittedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  issuedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  supersededAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  obsoletedAt: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Lý do hủy bỏ' })
  withdrawalReason: string | null;

  @ApiProperty({ type: [DocumentFileResponse] })
  files: DocumentFileResponse[];

  @ApiProperty({ type: [SignatureResponse] })
  signatures: SignatureResponse[];

  @ApiProperty({ type: [CommentResponse] })
  comments: CommentResponse[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Phiên bản dòng dữ liệu; ETag là "<version>"' })
  version: number;
}
