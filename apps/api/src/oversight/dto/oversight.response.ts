import { ApiProperty } from '@nestjs/swagger';
import type { OversightRow, OversightSummary, OversightSummaryGroup } from '@eiso/oversight';

class AgencyRefResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

class OversightDeclarationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ nullable: true, type: String, example: '01/QĐ-STP' })
  number: string | null;

  @ApiProperty({ example: 'submitted' })
  state: string;

  @ApiProperty({ format: 'date' })
  date: string;
}

export class OversightRowResponse implements OversightRow {
  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ example: 'Sở Tư pháp' })
  name: string;

  @ApiProperty({ nullable: true, type: String })
  code: string | null;

  @ApiProperty({ example: 'province_department' })
  level: string;

  @ApiProperty({ type: AgencyRefResponse, nullable: true })
  parent: AgencyRefResponse | null;

  @ApiProperty({ nullable: true, type: 'integer', example: 2025 })
  roadmapYear: number | null;

  @ApiProperty({ example: 'active' })
  status: string;

  @ApiProperty({
    type: OversightDeclarationResponse,
    nullable: true,
    description: 'Quyết định công bố đang có hiệu lực',
  })
  declaration: OversightDeclarationResponse | null;

  @ApiProperty({ type: 'integer' })
  documentsInForce: number;

  @ApiProperty({ type: 'integer', description: 'Tài liệu quá hạn rà soát định kỳ' })
  overdueReviews: number;

  @ApiProperty({ type: 'integer' })
  openCorrectiveActions: number;

  @ApiProperty({ type: 'integer' })
  overdueCorrectiveActions: number;

  @ApiProperty({ nullable: true, type: String, format: 'date' })
  lastAuditOn: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date' })
  lastReviewOn: string | null;

  @ApiProperty({
    nullable: true,
    type: Boolean,
    description:
      'Đã công bố trong năm lộ trình, hoặc chưa hết năm lộ trình; null khi cơ quan không có năm lộ trình',
  })
  onTrack: boolean | null;
}

export class OversightSummaryGroupResponse implements OversightSummaryGroup {
  @ApiProperty({ example: 'commune' })
  level: string;

  @ApiProperty({ example: 'Cấp xã' })
  levelLabel: string;

  @ApiProperty({ nullable: true, type: 'integer' })
  roadmapYear: number | null;

  @ApiProperty({ type: 'integer' })
  total: number;

  @ApiProperty({ type: 'integer' })
  declared: number;

  @ApiProperty({ type: 'integer' })
  onTrack: number;

  @ApiProperty({ type: 'integer' })
  late: number;
}

export class OversightSummaryResponse implements OversightSummary {
  @ApiProperty({ type: 'integer' })
  year: number;

  @ApiProperty({ format: 'date' })
  asOf: string;

  @ApiProperty({ type: 'integer' })
  total: number;

  @ApiProperty({ type: 'integer' })
  declared: number;

  @ApiProperty({ type: 'integer' })
  onTrack: number;

  @ApiProperty({ type: 'integer' })
  late: number;

  @ApiProperty({ type: [OversightSummaryGroupResponse] })
  groups: OversightSummaryGroupResponse[];
}
