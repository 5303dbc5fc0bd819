import { ApiProperty } from '@nestjs/swagger';
import { VersionState, VersionSummaryView } from '@eiso/documents';

export class VersionSummaryResponse implements VersionSummaryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Lần sửa đổi' })
  revision: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Lần ban hành; null khi chưa ban hành' })
  issueNumber: number | null;

  @ApiProperty({ enum: VersionState, enumName: 'VersionState' })
  state: VersionState;

  @ApiProperty({ example: 'Đang hiệu lực' })
  stateLabel: string;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Ngày hiệu lực' })
  effectiveFrom: string | null;
}
