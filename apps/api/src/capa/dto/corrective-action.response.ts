import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CloseBlocker,
  CloseBlockerKind,
  CorrectiveActionFileView,
  CorrectiveActionListItemView,
  CorrectiveActionNonconformityView,
  CorrectiveActionState,
  CorrectiveActionStatusView,
  CorrectiveActionTaskView,
  CorrectiveActionVerificationView,
  CorrectiveActionView,
  NonconformitySeverity,
  NonconformitySource,
  NonconformityState,
} from '@eiso/capa';
import { ApiNullableProperty } from '../../http/openapi/api-nullable-property';

const BLOCKER_KINDS: CloseBlockerKind[] = [
  'no_actions',
  'no_verifier',
  'action_not_done',
  'document_not_revised',
  'verification_not_due',
  'verification_pending',
];

export class CorrectiveActionFileResponse implements CorrectiveActionFileView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'bang-chung.pdf' })
  name: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Kích thước (byte)' })
  size: number;

  @ApiProperty({ description: 'sha256 (hex) của nội dung tệp' })
  sha256: string;

  @ApiProperty({ example: 'application/pdf' })
  mediaType: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CorrectiveActionStatusResponse implements CorrectiveActionStatusView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CorrectiveActionState, enumName: 'CorrectiveActionState' })
  state: CorrectiveActionState;

  @ApiProperty({ example: 'Đang thực hiện' })
  stateLabel: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'Lần thực hiện (tăng khi kiểm tra chưa có hiệu lực)',
  })
  round: number;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Hạn kiểm tra hiệu lực' })
  verificationDue: string | null;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'Phiên bản của phiếu (ETag của GET /corrective-actions/{id})',
  })
  version: number;
}

export class CorrectiveActionTaskDocumentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'QT-01' })
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Lần ban hành đang hiệu lực khi giao hành động',
  })
  issueAtRaise: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Lần ban hành đang hiệu lực hiện nay' })
  issueInForce: number | null;

  @ApiProperty({ description: 'Đã có phiên bản mới có hiệu lực so với khi giao hành động' })
  revised: boolean;
}

export class CorrectiveActionTaskResponse implements CorrectiveActionTaskView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  correctiveActionId: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  round: number;

  @ApiProperty({ description: 'Thuộc lần thực hiện hiện tại' })
  currentRound: boolean;

  @ApiProperty({ type: 'integer', minimum: 1 })
  position: number;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'uuid' })
  ownerId: string;

  @ApiProperty({ nullable: true, type: String })
  ownerName: string | null;

  @ApiProperty({ format: 'date' })
  dueDate: string;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  doneOn: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Kết quả thực hiện' })
  doneNote: string | null;

  @ApiProperty({ description: 'Chưa hoàn thành và đã quá hạn' })
  overdue: boolean;

  @ApiNullableProperty(CorrectiveActionTaskDocumentResponse, { description: 'Tài liệu cần sửa đổi' })
  document: CorrectiveActionTaskDocumentResponse | null;

  @ApiProperty({ type: [CorrectiveActionFileResponse], description: 'Tệp bằng chứng' })
  files: CorrectiveActionFileResponse[];

  @ApiPropertyOptional({
    type: CorrectiveActionStatusResponse,
    description: 'Tình trạng của phiếu sau thao tác (trong câu trả lời của các thao tác trên hành động)',
  })
  correctiveAction?: CorrectiveActionStatusResponse;

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;
}

export class CorrectiveActionVerificationResponse implements CorrectiveActionVerificationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  round: number;

  @ApiProperty({ format: 'uuid' })
  verifierId: string;

  @ApiProperty({ nullable: true, type: String })
  verifierName: string | null;

  @ApiProperty()
  effective: boolean;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  verifiedAt: string;
}

export class CorrectiveActionNonconformityResponse implements CorrectiveActionNonconformityView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '03/2027' })
  number: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ enum: NonconformitySource, enumName: 'NonconformitySource' })
  source: NonconformitySource;

  @ApiProperty()
  sourceLabel: string;

  @ApiProperty({ enum: NonconformitySeverity, enumName: 'NonconformitySeverity' })
  severity: NonconformitySeverity;

  @ApiProperty()
  severityLabel: string;

  @ApiProperty({ nullable: true, type: String })
  clause: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  orgUnitId: string | null;

  @ApiProperty({ format: 'date' })
  detectedOn: string;

  @ApiProperty({ enum: NonconformityState, enumName: 'NonconformityState' })
  state: NonconformityState;
}

export class CorrectiveActionCloseBlockerResponse implements CloseBlocker {
  @ApiProperty({ enum: BLOCKER_KINDS })
  kind: CloseBlockerKind;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Hành động hoặc tài liệu liên quan',
  })
  subjectId: string | null;

  @ApiProperty()
  message: string;
}

export class CorrectiveActionVerifierResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  fullName: string;

  @ApiProperty({ nullable: true, type: String })
  position: string | null;
}

export class CorrectiveActionActionCountsResponse {
  @ApiProperty({ type: 'integer', minimum: 0 })
  total: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  done: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  overdue: number;
}

export class CorrectiveActionNonconformityRefResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '03/2027' })
  number: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ example: 'major' })
  severity: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  orgUnitId: string | null;
}

export class CorrectiveActionListItemResponse implements CorrectiveActionListItemView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ type: CorrectiveActionNonconformityRefResponse })
  nonconformity: CorrectiveActionNonconformityRefResponse;

  @ApiProperty({ enum: CorrectiveActionState, enumName: 'CorrectiveActionState' })
  state: CorrectiveActionState;

  @ApiProperty()
  stateLabel: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  round: number;

  @ApiProperty({
    type: CorrectiveActionActionCountsResponse,
    description: 'Hành động của lần thực hiện hiện tại',
  })
  actions: CorrectiveActionActionCountsResponse;

  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'Hạn gần nhất của hành động chưa xong',
  })
  nextDueDate: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  verifierId: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  verificationDue: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;
}

export class CorrectiveActionResponse implements CorrectiveActionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ type: CorrectiveActionNonconformityResponse })
  nonconformity: CorrectiveActionNonconformityResponse;

  @ApiProperty({ enum: CorrectiveActionState, enumName: 'CorrectiveActionState' })
  state: CorrectiveActionState;

  @ApiProperty({ example: 'Đang thực hiện' })
  stateLabel: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  round: number;

  @ApiProperty({ nullable: true, type: String, description: 'Khắc phục tức thời' })
  correction: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Nguyên nhân gốc rễ' })
  rootCause: string | null;

  @ApiProperty({ type: [String], description: 'Phân tích 5 tại sao' })
  whys: string[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  verifierId: string | null;

  @ApiNullableProperty(CorrectiveActionVerifierResponse)
  verifier: CorrectiveActionVerifierResponse | null;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 730 })
  verificationDelayDays: number;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  verificationDue: string | null;

  @ApiProperty({ type: [CorrectiveActionTaskResponse], description: 'Hành động của mọi lần thực hiện' })
  actions: CorrectiveActionTaskResponse[];

  @ApiProperty({ type: [CorrectiveActionVerificationResponse], description: 'Các lần kiểm tra hiệu lực' })
  verifications: CorrectiveActionVerificationResponse[];

  @ApiProperty({ type: [CorrectiveActionCloseBlockerResponse], description: 'Lý do chưa thể kết thúc phiếu' })
  closeBlockers: CorrectiveActionCloseBlockerResponse[];

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt: string | null;

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;
}
