import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DocumentType, DocumentView } from '@eiso/documents';
import { VersionSummaryResponse } from './version-summary.response';
import { ApiNullableProperty } from '../../http/openapi/api-nullable-property';

export class DistributionTargetResponse {
  @ApiProperty({ enum: ['org_unit', 'user'], description: 'Phòng, ban hoặc người nhận' })
  targetType: 'org_unit' | 'user';

  @ApiProperty({ format: 'uuid' })
  targetId: string;
}

export class DocumentResponse implements DocumentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ example: 'QT-HT-01', description: 'Mã tài liệu' })
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: DocumentType, enumName: 'DocumentType' })
  type: DocumentType;

  @ApiProperty({ example: 'Quy trình' })
  typeLabel: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Phòng, ban chủ trì' })
  ownerOrgUnitId: string | null;

  @ApiProperty({ type: [String], description: 'Điều khoản ISO 9001' })
  isoClauses: string[];

  @ApiProperty({ type: [String], description: 'Mã thủ tục hành chính' })
  tthcCodes: string[];

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Chu kỳ xem xét lại (tháng)' })
  reviewIntervalMonths: number;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Ngày phải xem xét lại' })
  nextReviewDate: string | null;

  @ApiProperty({ description: 'Đã đến hạn xem xét lại' })
  reviewDue: boolean;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số lần ban hành' })
  issueCount: number;

  @ApiProperty({ enum: ['active', 'obsolete'] })
  status: 'active' | 'obsolete';

  @ApiNullableProperty(VersionSummaryResponse, {
    description: 'Phiên bản mới nhất người đọc được xem',
  })
  currentVersion: VersionSummaryResponse | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Phiên bản đang hiệu lực' })
  effectiveVersionId: string | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Phiên bản đã ban hành, chờ đến ngày hiệu lực',
  })
  scheduledVersionId: string | null;

  @ApiPropertyOptional({
    type: [DistributionTargetResponse],
    description: 'Danh sách phân phối: có khi tạo hoặc đọc một tài liệu, không có trong danh sách',
  })
  distribution?: DistributionTargetResponse[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Phiên bản dòng dữ liệu' })
  version: number;
}
