import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AuditProgrammeEntryView,
  AuditProgrammeView,
  AuditRiskLevel,
  ProgrammeRegister,
  ProgrammeRegisterAudit,
  ProgrammeRegisterEntry,
} from '@eiso/audits';

const RISK_LEVELS: AuditRiskLevel[] = ['low', 'medium', 'high'];

export class AuditProgrammeEntryResponse implements AuditProgrammeEntryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer' })
  position: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  orgUnitId: string | null;

  @ApiProperty({ nullable: true, type: String })
  orgUnitName: string | null;

  @ApiProperty({ nullable: true, type: String })
  process: string | null;

  @ApiProperty({ enum: RISK_LEVELS })
  riskLevel: AuditRiskLevel;

  @ApiProperty({ example: 'Cao' })
  riskLevelLabel: string;

  @ApiProperty({ type: 'integer' })
  auditsPerYear: number;

  @ApiProperty({ type: [Number] })
  plannedMonths: number[];

  @ApiProperty({ nullable: true, type: String })
  note: string | null;
}

export class AuditProgrammeResponse implements AuditProgrammeView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ type: 'integer' })
  year: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  objectives: string;

  @ApiProperty()
  criteria: string;

  @ApiProperty({ example: 'TCVN ISO 9001:2015' })
  clauseEdition: string;

  @ApiPropertyOptional({ type: [AuditProgrammeEntryResponse], description: 'Chỉ khi xem một chương trình' })
  entries?: AuditProgrammeEntryResponse[];

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer' })
  version: number;
}

export class ProgrammeRegisterAuditResponse implements ProgrammeRegisterAudit {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '02/2027' })
  number: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ format: 'date' })
  startDate: string;

  @ApiProperty({ format: 'date' })
  endDate: string;

  @ApiProperty({ description: 'Trưởng đoàn đánh giá' })
  leadAuditor: string;
}

export class ProgrammeRegisterEntryResponse implements ProgrammeRegisterEntry {
  @ApiProperty({ type: 'integer' })
  no: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  orgUnitId: string | null;

  @ApiProperty({ description: 'Đơn vị/quá trình' })
  subject: string;

  @ApiProperty({ enum: RISK_LEVELS })
  riskLevel: AuditRiskLevel;

  @ApiProperty()
  riskLevelLabel: string;

  @ApiProperty({ type: 'integer' })
  auditsPerYear: number;

  @ApiProperty({ type: [Number] })
  plannedMonths: number[];

  @ApiProperty({ type: [ProgrammeRegisterAuditResponse] })
  audits: ProgrammeRegisterAuditResponse[];

  @ApiProperty({ nullable: true, type: String })
  note: string | null;
}

export class ProgrammeRegisterResponse implements ProgrammeRegister {
  @ApiProperty({ format: 'uuid' })
  programmeId: string;

  @ApiProperty({ type: 'integer' })
  year: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  objectives: string;

  @ApiProperty()
  criteria: string;

  @ApiProperty()
  clauseEdition: string;

  @ApiProperty({ type: [ProgrammeRegisterEntryResponse] })
  entries: ProgrammeRegisterEntryResponse[];
}
