import { ApiProperty } from '@nestjs/swagger';
import {
  AuditClauseRef,
  AuditProcedureRef,
  AuditState,
  AuditView,
  ChecklistAnswer,
  ChecklistFileView,
  ChecklistItemKind,
  ChecklistItemView,
  NamedRef,
} from '@eiso/audits';

export class NamedRefResponse implements NamedRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class AuditClauseRefResponse implements AuditClauseRef {
  @ApiProperty({ example: '7.5' })
  number: string;

  @ApiProperty({ nullable: true, type: String, example: 'Thông tin dạng văn bản' })
  titleVi: string | null;
}

export class AuditProcedureRefResponse implements AuditProcedureRef {
  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty({ nullable: true, type: String })
  code: string | null;

  @ApiProperty({ nullable: true, type: String })
  title: string | null;
}

export class AuditResponse implements AuditView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ format: 'uuid' })
  programmeId: string;

  @ApiProperty({ type: 'integer' })
  year: number;

  @ApiProperty({ type: 'integer' })
  serial: number;

  @ApiProperty({ example: '02/2027' })
  number: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  objectives: string;

  @ApiProperty()
  criteria: string;

  @ApiProperty({ example: 'TCVN ISO 9001:2015' })
  clauseEdition: string;

  @ApiProperty({ enum: AuditState, enumName: 'AuditState' })
  state: AuditState;

  @ApiProperty({ example: 'Đã lập kế hoạch' })
  stateLabel: string;

  @ApiProperty({ type: [NamedRefResponse] })
  orgUnits: NamedRefResponse[];

  @ApiProperty({ type: [AuditClauseRefResponse] })
  clauses: AuditClauseRefResponse[];

  @ApiProperty({ type: [AuditProcedureRefResponse] })
  procedures: AuditProcedureRefResponse[];

  @ApiProperty({ format: 'date' })
  startDate: string;

  @ApiProperty({ format: 'date' })
  endDate: string;

  @ApiProperty({ type: NamedRefResponse })
  leadAuditor: NamedRefResponse;

  @ApiProperty({ type: [NamedRefResponse] })
  team: NamedRefResponse[];

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  planIssuedAt: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  planIssuedBy: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  startedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  conclusion: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  reportedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt: string | null;

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer' })
  version: number;
}

export class ChecklistItemResponse implements ChecklistItemView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  auditId: string;

  @ApiProperty({ type: 'integer' })
  position: number;

  @ApiProperty({ enum: ['clause', 'procedure'] })
  kind: ChecklistItemKind;

  @ApiProperty({ nullable: true, type: String })
  clause: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  documentId: string | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Phiên bản đang hiệu lực khi lập',
  })
  documentVersionId: string | null;

  @ApiProperty()
  question: string;

  @ApiProperty({ enum: ChecklistAnswer, enumName: 'ChecklistAnswer', nullable: true })
  answer: ChecklistAnswer | null;

  @ApiProperty({ nullable: true, type: String, example: 'Phù hợp' })
  answerLabel: string | null;

  @ApiProperty({ nullable: true, type: String })
  notes: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Mẫu kiểm tra: số hồ sơ đã xem' })
  sample: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  answeredBy: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  answeredAt: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer' })
  version: number;
}

export class ChecklistFileResponse implements ChecklistFileView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'integer' })
  size: number;

  @ApiProperty()
  sha256: string;

  @ApiProperty()
  mediaType: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ChecklistResponse {
  @ApiProperty({ type: [ChecklistItemResponse] })
  items: ChecklistItemResponse[];
}

export class ChecklistFilesResponse {
  @ApiProperty({ type: [ChecklistFileResponse] })
  items: ChecklistFileResponse[];
}
