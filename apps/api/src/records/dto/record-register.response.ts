import { ApiProperty } from '@nestjs/swagger';
import { RecordRegisterEntry } from '@eiso/records';

/** A line of the Danh mục hồ sơ export. */
export class RecordRegisterEntryResponse implements RecordRegisterEntry {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Số thứ tự' })
  no: number;

  @ApiProperty({ format: 'uuid' })
  recordTypeId: string;

  @ApiProperty({ example: 'HS-01' })
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  documentId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'QT-HT-01' })
  documentCode: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  retentionMonths: number | null;

  @ApiProperty()
  permanent: boolean;

  @ApiProperty({ example: '5 năm' })
  retentionLabel: string;

  @ApiProperty({ description: 'Nơi lưu' })
  storagePlace: string;

  @ApiProperty({ format: 'uuid' })
  responsibleOrgUnitId: string;

  @ApiProperty({ nullable: true, type: String, description: 'Tên phòng, ban lưu giữ' })
  responsibleOrgUnit: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số hồ sơ đang lưu' })
  recordsKept: number;
}

export class RecordRegisterResponse {
  @ApiProperty({ type: [RecordRegisterEntryResponse] })
  items: RecordRegisterEntryResponse[];
}
