import { ApiProperty } from '@nestjs/swagger';
import { ExternalRegisterEntry } from '@eiso/documents';
import { RegisterEntryResponse } from './register-entry.response';

/** A line of the Danh mục tài liệu bên ngoài; empty fields only for documents created before them. */
export class ExternalRegisterEntryResponse extends RegisterEntryResponse implements ExternalRegisterEntry {
  @ApiProperty({ nullable: true, type: String, description: 'Cơ quan ban hành' })
  issuingBody: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Số, ký hiệu' })
  numberSymbol: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Ngày ban hành' })
  issuedDate: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Ngày có hiệu lực' })
  inForceDate: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Nơi lưu' })
  storagePlace: string | null;
}

export class ExternalRegisterResponse {
  @ApiProperty({ type: [ExternalRegisterEntryResponse] })
  items: ExternalRegisterEntryResponse[];
}
