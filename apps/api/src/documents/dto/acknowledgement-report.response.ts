import { ApiProperty } from '@nestjs/swagger';
import { AcknowledgementReport } from '@eiso/documents';

export class AcknowledgerResponse {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  fullName: string;

  @ApiProperty({ format: 'date-time' })
  acknowledgedAt: string;

  @ApiProperty({ description: 'Có trong danh sách phân phối' })
  listed: boolean;
}

export class PendingAcknowledgerResponse {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  fullName: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Phòng, ban' })
  orgUnitId: string | null;
}

/** Who has confirmed reading the version, and who on its distribution list has not. */
export class AcknowledgementReportResponse implements AcknowledgementReport {
  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ type: [AcknowledgerResponse] })
  acknowledged: AcknowledgerResponse[];

  @ApiProperty({ type: [PendingAcknowledgerResponse] })
  pending: PendingAcknowledgerResponse[];
}
