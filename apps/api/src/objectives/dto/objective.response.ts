import { ApiProperty } from '@nestjs/swagger';
import {
  ObjectiveAggregation,
  ObjectiveDetailView,
  ObjectiveDirection,
  ObjectiveFileView,
  ObjectiveFrequency,
  ObjectiveMeasurementImportView,
  ObjectiveMeasurementView,
  ObjectiveState,
  ObjectiveStatus,
  ObjectiveView,
} from '@eiso/objectives';
import { ApiNullableProperty } from '../../http/openapi/api-nullable-property';

export class LateDossierTthcResponse {
  @ApiProperty({ example: '1.000948', description: 'Mã thủ tục hành chính' })
  code: string;

  @ApiProperty({ example: 'Cấp phiếu lý lịch tư pháp', description: 'Tên thủ tục hành chính' })
  name: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số hồ sơ giải quyết đúng hạn' })
  onTime: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số hồ sơ giải quyết trễ hạn' })
  late: number;
}

export class LateDossierDetailResponse {
  @ApiProperty({
    type: [LateDossierTthcResponse],
    description: 'Số hồ sơ theo từng thủ tục (từ hệ thống một cửa)',
  })
  tthc: LateDossierTthcResponse[];
}

export class ObjectiveMeasurementResponse implements ObjectiveMeasurementView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'Mục tiêu' })
  objectiveId: string;

  @ApiProperty({ example: '2026-03', description: 'Kỳ đo: YYYY-MM, YYYY-Qn hoặc YYYY' })
  period: string;

  @ApiProperty({ format: 'date', description: 'Ngày đầu kỳ' })
  periodStart: string;

  @ApiProperty({ format: 'date', description: 'Ngày cuối kỳ' })
  periodEnd: string;

  @ApiProperty({ example: 97.5, description: 'Giá trị đo được' })
  value: number;

  @ApiProperty({ description: 'Giá trị của kỳ có đạt chỉ tiêu không' })
  meetsTarget: boolean;

  @ApiProperty({ type: 'string', nullable: true, description: 'Ghi chú' })
  note: string | null;

  @ApiNullableProperty(LateDossierDetailResponse, {
    description: 'Số hồ sơ đúng hạn, trễ hạn theo TTHC (khi nhập từ hệ thống một cửa)',
  })
  detail: LateDossierDetailResponse | null;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Số hồ sơ trễ hạn của kỳ (0 khi không có số liệu chi tiết)',
  })
  lateDossiers: number;

  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'Sự không phù hợp đã ghi nhận cho hồ sơ trễ hạn của kỳ',
  })
  nonconformityId: string | null;

  @ApiProperty({
    type: 'string',
    nullable: true,
    example: '07/2026',
    description: 'Số của sự không phù hợp đó',
  })
  nonconformityNumber: string | null;

  @ApiProperty({ format: 'uuid', description: 'Người nhập' })
  enteredBy: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'Họ tên người nhập' })
  enteredByName: string | null;

  @ApiProperty({ format: 'date-time', description: 'Thời điểm nhập' })
  enteredAt: string;

  @ApiProperty({ format: 'date-time', description: 'Thời điểm sửa gần nhất' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Phiên bản dòng (ETag, If-Match)' })
  version: number;
}

export class ObjectiveResponse implements ObjectiveView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'Cơ quan' })
  agencyId: string;

  @ApiProperty({ type: 'integer', example: 2026, description: 'Năm' })
  year: number;

  @ApiProperty({ example: '≥ 98% hồ sơ TTHC giải quyết đúng hạn', description: 'Nội dung mục tiêu' })
  statement: string;

  @ApiProperty({ example: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', description: 'Tên chỉ số' })
  kpiName: string;

  @ApiProperty({ example: '%', description: 'Đơn vị tính' })
  unit: string;

  @ApiProperty({
    enum: Object.values(ObjectiveDirection),
    enumName: 'ObjectiveDirection',
    description: 'Chiều đánh giá',
  })
  direction: ObjectiveDirection;

  @ApiProperty({ example: 98, description: 'Chỉ tiêu' })
  target: number;

  @ApiProperty({ enum: ObjectiveFrequency, enumName: 'ObjectiveFrequency', description: 'Tần suất đo' })
  frequency: ObjectiveFrequency;

  @ApiProperty({
    enum: ObjectiveAggregation,
    enumName: 'ObjectiveAggregation',
    description: 'Cách tính kết quả',
  })
  aggregation: ObjectiveAggregation;

  @ApiProperty({ format: 'uuid', description: 'Đơn vị chủ trì' })
  ownerOrgUnitId: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'Tên đơn vị chủ trì' })
  ownerOrgUnitName: string | null;

  @ApiProperty({ enum: ObjectiveState, enumName: 'ObjectiveState', description: 'Trạng thái' })
  state: ObjectiveState;

  @ApiProperty({ example: 'Đang thực hiện', description: 'Trạng thái (tiếng Việt)' })
  stateLabel: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'Lý do hủy bỏ' })
  withdrawnReason: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'Thời điểm hủy bỏ' })
  withdrawnAt: string | null;

  @ApiProperty({
    enum: Object.values(ObjectiveStatus),
    enumName: 'ObjectiveStatus',
    description: 'Tình trạng đạt mục tiêu hôm nay',
  })
  status: ObjectiveStatus;

  @ApiProperty({ example: 'Có nguy cơ không đạt', description: 'Tình trạng (tiếng Việt)' })
  statusLabel: string;

  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'Kết quả hiện tại (theo cách tính), null khi chưa có số liệu',
  })
  result: number | null;

  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'Với cách tính tổng khi năm chưa hết: tổng ước tính cả năm',
  })
  projection: number | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số kỳ đã có số liệu' })
  measuredPeriods: number;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Số kỳ đo trong năm' })
  totalPeriods: number;

  @ApiProperty({ format: 'uuid', description: 'Người xây dựng' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Phiên bản dòng (ETag, If-Match)' })
  version: number;
}

export class ObjectiveDetailResponse extends ObjectiveResponse implements ObjectiveDetailView {
  @ApiProperty({ type: [ObjectiveMeasurementResponse], description: 'Số liệu các kỳ, theo thứ tự kỳ' })
  measurements: ObjectiveMeasurementResponse[];
}

export class ObjectiveMeasurementImportResponse implements ObjectiveMeasurementImportView {
  @ApiProperty({ type: [String], example: ['2026-01', '2026-02'], description: 'Các kỳ được nhập mới' })
  created: string[];

  @ApiProperty({ type: [String], example: ['2026-03'], description: 'Các kỳ đã có số liệu, được cập nhật' })
  updated: string[];

  @ApiProperty({ type: ObjectiveDetailResponse, description: 'Mục tiêu sau khi nhập' })
  objective: ObjectiveDetailResponse;
}

export class ObjectiveFileResponse implements ObjectiveFileView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'bao-cao-thang-3.pdf', description: 'Tên tệp' })
  name: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Kích thước (byte)' })
  size: number;

  @ApiProperty({ description: 'sha256 (hex) của nội dung tệp' })
  sha256: string;

  @ApiProperty({ example: 'application/pdf', description: 'Kiểu nội dung' })
  mediaType: string;

  @ApiProperty({ format: 'date-time', description: 'Thời điểm tải lên' })
  createdAt: string;
}
