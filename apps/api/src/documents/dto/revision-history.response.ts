import { ApiProperty } from '@nestjs/swagger';
import { RevisionHistoryEntry, VersionState } from '@eiso/documents';

export class RevisionSignerResponse {
  @ApiProperty({ example: 'Phê duyệt', description: 'Ý nghĩa chữ ký' })
  meaning: string;

  @ApiProperty({ description: 'Họ tên người ký' })
  name: string;

  @ApiProperty({ nullable: true, type: String, description: 'Chức vụ lúc ký' })
  position: string | null;

  @ApiProperty({ format: 'date-time' })
  signedAt: string;
}

/** A line of the Bảng theo dõi sửa đổi. */
export class RevisionHistoryEntryResponse implements RevisionHistoryEntry {
  @ApiProperty({ type: 'integer', description: 'Lần ban hành' })
  issueNumber: number;

  @ApiProperty({ type: 'integer', description: 'Lần sửa đổi' })
  revision: number;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ enum: VersionState, enumName: 'VersionState' })
  state: VersionState;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  effectiveFrom: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Nội dung sửa đổi' })
  changeSummary: string | null;

  @ApiProperty({ type: [RevisionSignerResponse] })
  signers: RevisionSignerResponse[];
}
