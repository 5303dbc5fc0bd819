import { ApiProperty } from '@nestjs/swagger';
import {
  SEARCH_SCOPES,
  type SearchFileView,
  type SearchHitView,
  type SearchScope,
  type SnippetPart,
} from '@eiso/search';

class SearchFileResponse implements SearchFileView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'QT-01 Quy trình cấp phiếu lý lịch tư pháp.docx' })
  name: string;

  @ApiProperty({ example: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
  mediaType: string;
}

class SnippetPartResponse implements SnippetPart {
  @ApiProperty({ example: 'thời hạn giải quyết' })
  text: string;

  @ApiProperty({ description: 'Là từ khớp với từ khóa' })
  hit: boolean;
}

export class SearchHitResponse implements SearchHitView {
  @ApiProperty({ enum: SEARCH_SCOPES })
  scope: SearchScope;

  @ApiProperty({ format: 'uuid', description: 'Tài liệu hoặc hồ sơ' })
  id: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Phiên bản (tài liệu)' })
  versionId: string | null;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ example: 'Sở Tư pháp' })
  agencyName: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Mã tài liệu, hoặc số ký hiệu hồ sơ',
    example: 'QT-01',
  })
  code: string | null;

  @ApiProperty()
  title: string;

  @ApiProperty({ nullable: true, type: String, description: 'Loại tài liệu', example: 'procedure' })
  type: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Loại hồ sơ' })
  recordTypeId: string | null;

  @ApiProperty({ example: 'effective' })
  state: string;

  @ApiProperty({ nullable: true, type: 'integer' })
  revision: number | null;

  @ApiProperty({ nullable: true, type: 'integer' })
  issueNumber: number | null;

  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'Tài liệu: ngày có hiệu lực; hồ sơ: ngày của hồ sơ',
  })
  date: string | null;

  @ApiProperty({ type: SearchFileResponse })
  file: SearchFileResponse;

  @ApiProperty({ type: [SnippetPartResponse], description: 'Đoạn trích, các từ khớp có hit = true' })
  snippet: SnippetPartResponse[];

  @ApiProperty({ type: Number, description: 'Độ phù hợp (cao hơn trước)' })
  rank: number;
}
