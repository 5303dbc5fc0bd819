import { ApiProperty } from '@nestjs/swagger';
import {
  CorrectiveActionState,
  NonconformitySeverity,
  NonconformitySource,
  NonconformityState,
  NonconformitySummaryView,
} from '@eiso/capa';

export class SummaryClauseCountResponse {
  @ApiProperty({ nullable: true, type: String, example: '8.7', description: 'null: không gắn điều khoản' })
  clause: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'TCVN ISO 9001:2015' })
  clauseEdition: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Kiểm soát đầu ra không phù hợp' })
  title: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;
}

export class SummaryOrgUnitCountResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: không gắn đơn vị' })
  orgUnitId: string | null;

  @ApiProperty({ nullable: true, type: String })
  name: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;
}

export class SummarySourceCountResponse {
  @ApiProperty({ enum: Object.values(NonconformitySource) })
  key: NonconformitySource;

  @ApiProperty()
  label: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;
}

export class SummarySeverityCountResponse {
  @ApiProperty({ enum: Object.values(NonconformitySeverity) })
  key: NonconformitySeverity;

  @ApiProperty()
  label: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;
}

export class SummaryStateCountResponse {
  @ApiProperty({ enum: Object.values(NonconformityState) })
  key: NonconformityState;

  @ApiProperty()
  label: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;
}

export class SummaryActionStateCountResponse {
  @ApiProperty({
    enum: ['none', ...Object.values(CorrectiveActionState)],
    description: 'none: chưa lập phiếu yêu cầu hành động khắc phục',
  })
  key: CorrectiveActionState | 'none';

  @ApiProperty()
  label: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;
}

export class NonconformitySummaryResponse implements NonconformitySummaryView {
  @ApiProperty({ format: 'date', description: 'Ngày phát hiện từ (gồm cả ngày này)' })
  from: string;

  @ApiProperty({ format: 'date', description: 'Ngày phát hiện đến (gồm cả ngày này)' })
  to: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  total: number;

  @ApiProperty({ type: [SummaryClauseCountResponse] })
  byClause: SummaryClauseCountResponse[];

  @ApiProperty({ type: [SummaryOrgUnitCountResponse] })
  byOrgUnit: SummaryOrgUnitCountResponse[];

  @ApiProperty({ type: [SummarySourceCountResponse] })
  bySource: SummarySourceCountResponse[];

  @ApiProperty({ type: [SummarySeverityCountResponse] })
  bySeverity: SummarySeverityCountResponse[];

  @ApiProperty({ type: [SummaryStateCountResponse] })
  byState: SummaryStateCountResponse[];

  @ApiProperty({ type: [SummaryActionStateCountResponse] })
  byCorrectiveActionState: SummaryActionStateCountResponse[];

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số hành động khắc phục quá hạn chưa hoàn thành' })
  overdueActions: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số sự không phù hợp có hành động quá hạn' })
  overdueNonconformities: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số sự không phù hợp đã kết thúc' })
  closed: number;

  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'Số ngày trung bình từ khi phát hiện đến khi kết thúc (các sự không phù hợp đã kết thúc)',
  })
  meanDaysToClose: number | null;
}
