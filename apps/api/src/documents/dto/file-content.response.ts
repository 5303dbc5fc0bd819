import { ApiProperty } from '@nestjs/swagger';
import { FileContentView, RenditionState, TextState } from '@eiso/content';
import { ApiNullableProperty } from '../../http/openapi/api-nullable-property';

type RenditionView = NonNullable<FileContentView['rendition']>;
type TextView = FileContentView['text'];

class FileRenditionResponse implements RenditionView {
  @ApiProperty({ enum: RenditionState, enumName: 'RenditionState' })
  state: RenditionState;

  @ApiProperty({ example: 'Đã có bản PDF' })
  stateLabel: string;

  @ApiProperty({ nullable: true, type: String, description: 'sha256 (hex) của bản PDF chuyển đổi' })
  sha256: string | null;

  @ApiProperty({ nullable: true, type: 'integer', description: 'Kích thước bản PDF (byte)' })
  size: number | null;

  @ApiProperty({ nullable: true, type: String, example: 'soffice', description: 'gotenberg hoặc soffice' })
  renderedBy: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Lý do chuyển đổi không thành công' })
  error: string | null;
}

class FileTextResponse implements TextView {
  @ApiProperty({ enum: TextState, enumName: 'TextState' })
  state: TextState;

  @ApiProperty({ example: 'Không có lớp chữ' })
  stateLabel: string;

  @ApiProperty({ nullable: true, type: 'integer' })
  pages: number | null;

  @ApiProperty({ nullable: true, type: String })
  error: string | null;
}

export class FileContentResponse implements FileContentView {
  @ApiNullableProperty(FileRenditionResponse, {
    description: 'Bản PDF chuyển đổi (tệp Word, ODF, Excel); null với tệp PDF, ảnh',
  })
  rendition: FileRenditionResponse | null;

  @ApiProperty({ type: FileTextResponse, description: 'Nội dung để tìm kiếm' })
  text: FileTextResponse;
}
