import { ApiProperty } from '@nestjs/swagger';
import { VersionState } from '@eiso/documents';

/** What every line of a documents register says. */
export class RegisterEntryResponse {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Số thứ tự' })
  no: number;

  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({
    enum: [VersionState.Effective, VersionState.Scheduled],
    description: 'effective: đang hiệu lực; scheduled: đã ban hành, chờ hiệu lực',
  })
  state: VersionState;

  @ApiProperty({ example: 'Đang hiệu lực' })
  stateLabel: string;

  @ApiProperty({ example: 'QT-HT-01' })
  code: string;

  @ApiProperty()
  title: string;
}
