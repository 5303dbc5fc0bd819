import { ApiProperty } from '@nestjs/swagger';
import { FileKind, FileView } from '@eiso/documents';
import { ApiNullableProperty } from '../../http/openapi/api-nullable-property';
import { FileContentResponse } from './file-content.response';

export class DocumentFileResponse implements FileView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    enum: FileKind,
    enumName: 'FileKind',
    description: 'primary: tệp chính; attachment: tệp đính kèm',
  })
  kind: string;

  @ApiProperty({ example: 'QT-HT-01.pdf' })
  name: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Kích thước (byte)' })
  size: number;

  @ApiProperty({ description: 'sha256 (hex) của nội dung tệp' })
  sha256: string;

  @ApiProperty({ example: 'application/pdf' })
  mediaType: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiNullableProperty(FileContentResponse, {
    description: 'Bản PDF chuyển đổi và nội dung để tìm kiếm; null khi chưa theo dõi',
  })
  content: FileContentResponse | null;
}
