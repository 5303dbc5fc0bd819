import { ApiProperty } from '@nestjs/swagger';
import {
  CapaRegisterAction,
  CapaRegisterEntry,
  CapaRegisterVerification,
  CorrectiveActionState,
  NonconformitySeverity,
  NonconformitySource,
  NonconformityState,
} from '@eiso/capa';

export class CapaRegisterActionResponse implements CapaRegisterAction {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Vòng (lần kiểm tra hiệu lực)' })
  round: number;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'uuid' })
  ownerId: string;

  @ApiProperty({ nullable: true, type: String, description: 'Người thực hiện' })
  owner: string | null;

  @ApiProperty({ format: 'date', description: 'Hạn hoàn thành' })
  dueDate: string;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Ngày hoàn thành' })
  doneOn: string | null;
}

export class CapaRegisterVerificationResponse implements CapaRegisterVerification {
  @ApiProperty({ type: 'integer', minimum: 1 })
  round: number;

  @ApiProperty({ format: 'uuid' })
  verifierId: string;

  @ApiProperty({ nullable: true, type: String })
  verifier: string | null;

  @ApiProperty({ description: 'Có hiệu lực' })
  effective: boolean;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  verifiedAt: string;
}

/** A line of the Sổ theo dõi sự không phù hợp và hành động khắc phục. */
export class CapaRegisterEntryResponse implements CapaRegisterEntry {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Số thứ tự' })
  no: number;

  @ApiProperty({ format: 'uuid' })
  nonconformityId: string;

  @ApiProperty({ example: '07/2026' })
  number: string;

  @ApiProperty({ format: 'date' })
  detectedOn: string;

  @ApiProperty({ enum: Object.values(NonconformitySource) })
  source: NonconformitySource;

  @ApiProperty()
  sourceLabel: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  orgUnitId: string | null;

  @ApiProperty({ nullable: true, type: String })
  orgUnit: string | null;

  @ApiProperty({ nullable: true, type: String })
  clause: string | null;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ enum: Object.values(NonconformitySeverity) })
  severity: NonconformitySeverity;

  @ApiProperty()
  severityLabel: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  correctiveActionId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Khắc phục tức thời' })
  correction: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Nguyên nhân' })
  rootCause: string | null;

  @ApiProperty({ type: [CapaRegisterActionResponse] })
  actions: CapaRegisterActionResponse[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  verifierId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Người kiểm tra hiệu lực' })
  verifier: string | null;

  @ApiProperty({ type: [CapaRegisterVerificationResponse] })
  verifications: CapaRegisterVerificationResponse[];

  @ApiProperty({ enum: Object.values(NonconformityState) })
  state: NonconformityState;

  @ApiProperty({ enum: Object.values(CorrectiveActionState), nullable: true, type: String })
  correctiveActionState: CorrectiveActionState | null;

  @ApiProperty({ example: 'Đang thực hiện' })
  stateLabel: string;
}

export class CapaRegisterResponse {
  @ApiProperty({ type: [CapaRegisterEntryResponse] })
  items: CapaRegisterEntryResponse[];
}
