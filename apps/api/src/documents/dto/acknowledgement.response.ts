import { ApiProperty } from '@nestjs/swagger';

/** The answer to "đã đọc và hiểu". */
export class AcknowledgedResponse {
  @ApiProperty({ format: 'date-time', description: 'Thời điểm xác nhận' })
  acknowledgedAt: string;
}
