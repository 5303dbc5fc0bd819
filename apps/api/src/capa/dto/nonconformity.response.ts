import { ApiProperty } from '@nestjs/swagger';
import {
  CorrectiveActionState,
  NonconformitySeverity,
  NonconformitySource,
  NonconformityState,
  NonconformityView,
} from '@eiso/capa';

export class NonconformityResponse implements NonconformityView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ example: '07/2026', description: 'Số: thứ tự trong năm của cơ quan / năm' })
  number: string;

  @ApiProperty({ type: 'integer', example: 2026 })
  year: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  serial: number;

  @ApiProperty({ enum: NonconformitySource, enumName: 'NonconformitySource' })
  source: NonconformitySource;

  @ApiProperty({ example: 'Hồ sơ TTHC trễ hạn' })
  sourceLabel: string;

  @ApiProperty({ enum: NonconformitySeverity, enumName: 'NonconformitySeverity' })
  severity: NonconformitySeverity;

  @ApiProperty({ example: 'Nhẹ' })
  severityLabel: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ nullable: true, type: String, example: '8.7' })
  clause: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'TCVN ISO 9001:2015' })
  clauseEdition: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  orgUnitId: string | null;

  @ApiProperty({ format: 'date', description: 'Ngày phát hiện' })
  detectedOn: string;

  @ApiProperty({ format: 'uuid', description: 'Người ghi nhận' })
  detectedBy: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  auditId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  findingId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Số phản ánh, kiến nghị' })
  complaintRef: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Người phản ánh, kiến nghị' })
  complainant: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Mã thủ tục hành chính' })
  tthcCode: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Số hồ sơ TTHC' })
  dossierNumber: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Số ngày trễ hạn' })
  daysLate: number | null;

  @ApiProperty({ nullable: true, type: String, description: 'Biên bản xem xét của lãnh đạo' })
  managementReviewRef: string | null;

  @ApiProperty({ enum: NonconformityState, enumName: 'NonconformityState' })
  state: NonconformityState;

  @ApiProperty({ example: 'Đang xử lý' })
  stateLabel: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt: string | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Phiếu yêu cầu hành động khắc phục',
  })
  correctiveActionId: string | null;

  @ApiProperty({ enum: Object.values(CorrectiveActionState), nullable: true, type: String })
  correctiveActionState: CorrectiveActionState | null;

  @ApiProperty({ nullable: true, type: String, example: 'Đang thực hiện' })
  correctiveActionStateLabel: string | null;

  @ApiProperty({ description: 'Có hành động khắc phục quá hạn chưa hoàn thành' })
  overdue: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;
}
