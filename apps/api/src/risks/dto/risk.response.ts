import { ApiProperty } from '@nestjs/swagger';
import {
  RISK_CONTEXTS,
  RISK_KINDS,
  RISK_LEVELS,
  RISK_STATES,
  RiskAssessmentView,
  RiskContext,
  RiskDetailView,
  RiskHeatMapCell,
  RiskHeatMapView,
  RiskKind,
  RiskLevel,
  RiskRegisterEntry,
  RiskState,
  RiskStateChangeView,
  RiskView,
} from '@eiso/risks';

export class RiskResponse implements RiskView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ example: 'RR-001', description: 'Mã: RR-nnn (rủi ro), CH-nnn (cơ hội)' })
  code: string;

  @ApiProperty({ enum: RISK_KINDS, enumName: 'RiskKind' })
  kind: RiskKind;

  @ApiProperty({ example: 'Rủi ro' })
  kindLabel: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Số thứ tự trong loại của cơ quan' })
  serial: number;

  @ApiProperty({ enum: RISK_CONTEXTS, enumName: 'RiskContext' })
  context: RiskContext;

  @ApiProperty({ example: 'Vấn đề nội bộ' })
  contextLabel: string;

  @ApiProperty({ nullable: true, type: String, description: 'Vấn đề hoặc bên quan tâm cụ thể' })
  contextNote: string | null;

  @ApiProperty({ description: 'Mô tả' })
  description: string;

  @ApiProperty({ format: 'uuid', description: 'Đơn vị chủ trì' })
  ownerOrgUnitId: string;

  @ApiProperty({ nullable: true, type: String, description: 'Tên đơn vị chủ trì' })
  ownerOrgUnitName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Người phụ trách' })
  ownerUserId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Họ tên người phụ trách' })
  ownerUserName: string | null;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: 'Khả năng xảy ra' })
  likelihood: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: 'Mức độ ảnh hưởng' })
  impact: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 25, description: 'Điểm = khả năng × ảnh hưởng' })
  score: number;

  @ApiProperty({ enum: RISK_LEVELS, enumName: 'RiskLevel', description: 'low 1–4, medium 5–9, high 10–25' })
  level: RiskLevel;

  @ApiProperty({ example: 'Cao' })
  levelLabel: string;

  @ApiProperty({ description: 'Biện pháp xử lý' })
  treatment: string;

  @ApiProperty({ format: 'date', description: 'Ngày xem xét lại' })
  reviewDate: string;

  @ApiProperty({ description: 'Đang theo dõi và đã đến hoặc quá ngày xem xét lại' })
  reviewOverdue: boolean;

  @ApiProperty({ enum: RISK_STATES, enumName: 'RiskState' })
  state: RiskState;

  @ApiProperty({ example: 'Đang theo dõi' })
  stateLabel: string;

  @ApiProperty({ nullable: true, type: String, description: 'Lý do đóng' })
  closeReason: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  closedBy: string | null;

  @ApiProperty({ format: 'uuid', description: 'Người ghi nhận' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;
}

export class RiskAssessmentResponse implements RiskAssessmentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: '1: đánh giá khi ghi nhận; sau đó mỗi lần đánh giá lại',
  })
  position: number;

  @ApiProperty({ description: 'Đánh giá ban đầu (khi ghi nhận)' })
  initial: boolean;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: 'Khả năng xảy ra' })
  likelihood: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: 'Mức độ ảnh hưởng' })
  impact: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 25, description: 'Điểm' })
  score: number;

  @ApiProperty({ enum: RISK_LEVELS, enumName: 'RiskLevel' })
  level: RiskLevel;

  @ApiProperty({ example: 'Thấp' })
  levelLabel: string;

  @ApiProperty({ description: 'Biện pháp xử lý tại lần đánh giá' })
  treatment: string;

  @ApiProperty({ nullable: true, type: String, description: 'Nhận xét (không có ở lần đánh giá ban đầu)' })
  note: string | null;

  @ApiProperty({ format: 'date', description: 'Ngày xem xét lại tại lần đánh giá' })
  reviewDate: string;

  @ApiProperty({ format: 'uuid', description: 'Người đánh giá' })
  assessedBy: string;

  @ApiProperty({ nullable: true, type: String, description: 'Họ tên người đánh giá' })
  assessedByName: string | null;

  @ApiProperty({ format: 'date-time', description: 'Thời điểm đánh giá' })
  assessedAt: string;
}

export class RiskStateChangeResponse implements RiskStateChangeView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: RISK_STATES, enumName: 'RiskState', description: 'closed: đóng; open: mở lại' })
  toState: RiskState;

  @ApiProperty({ example: 'Đã đóng' })
  toStateLabel: string;

  @ApiProperty({ description: 'Lý do' })
  reason: string;

  @ApiProperty({ format: 'uuid' })
  changedBy: string;

  @ApiProperty({ nullable: true, type: String, description: 'Họ tên người thực hiện' })
  changedByName: string | null;

  @ApiProperty({ format: 'date-time' })
  changedAt: string;
}

export class RiskDetailResponse extends RiskResponse implements RiskDetailView {
  @ApiProperty({ type: [RiskAssessmentResponse], description: 'Lịch sử đánh giá, cũ nhất trước' })
  assessments: RiskAssessmentResponse[];

  @ApiProperty({ type: [RiskStateChangeResponse], description: 'Các lần đóng và mở lại, cũ nhất trước' })
  stateChanges: RiskStateChangeResponse[];
}

export class RiskHeatMapCellResponse implements RiskHeatMapCell {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: 'Khả năng xảy ra' })
  likelihood: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: 'Mức độ ảnh hưởng' })
  impact: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 25 })
  score: number;

  @ApiProperty({ enum: RISK_LEVELS, enumName: 'RiskLevel' })
  level: RiskLevel;

  @ApiProperty({ example: 'Trung bình' })
  levelLabel: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số mục đang theo dõi' })
  count: number;
}

export class RiskHeatMapResponse implements RiskHeatMapView {
  @ApiProperty({
    enum: RISK_KINDS,
    enumName: 'RiskKind',
    nullable: true,
    type: String,
    description: 'null: cả hai loại',
  })
  kind: RiskKind | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Tổng số mục đang theo dõi' })
  total: number;

  @ApiProperty({ type: [RiskHeatMapCellResponse], description: '25 ô: ảnh hưởng 5 → 1, rồi khả năng 1 → 5' })
  cells: RiskHeatMapCellResponse[];
}

export class RiskRegisterEntryResponse extends RiskResponse implements RiskRegisterEntry {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Số thứ tự' })
  no: number;
}

export class RiskRegisterResponse {
  @ApiProperty({ type: [RiskRegisterEntryResponse] })
  items: RiskRegisterEntryResponse[];
}
