import { ApiProperty } from '@nestjs/swagger';
import { DocumentType, InternalRegisterEntry } from '@eiso/documents';
import { RegisterEntryResponse } from './register-entry.response';

/** A line of the Danh mục tài liệu nội bộ. */
export class InternalRegisterEntryResponse extends RegisterEntryResponse implements InternalRegisterEntry {
  @ApiProperty({ enum: DocumentType, enumName: 'DocumentType' })
  type: DocumentType;

  @ApiProperty({ example: 'Quy trình' })
  typeLabel: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Lần ban hành' })
  issueNumber: number;

  @ApiProperty({ format: 'date', description: 'Ngày hiệu lực' })
  effectiveFrom: string;

  @ApiProperty({ nullable: true, type: String, description: 'Phòng, ban chủ trì' })
  ownerOrgUnit: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Ngày phải xem xét lại' })
  nextReviewDate: string | null;
}

export class InternalRegisterResponse {
  @ApiProperty({ type: [InternalRegisterEntryResponse] })
  items: InternalRegisterEntryResponse[];
}
