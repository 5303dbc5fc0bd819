import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AuditFindingFileView,
  AuditFindingView,
  AuditReportView,
  AuditState,
  FindingNonconformityRef,
  FindingType,
  ReportNonconformityRef,
} from '@eiso/audits';
import { ApiNullableProperty } from '../../http/openapi/api-nullable-property';
import { SignatureFactsResponse } from '../../http/openapi/signature-facts.response';

/** The nonconformity raised from a finding. */
export class FindingNonconformityResponse implements FindingNonconformityRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '03/2026', description: 'Số sự không phù hợp (số thứ tự/năm)' })
  number: string;
}

/** A finding of an internal audit (phát hiện đánh giá). */
export class AuditFindingResponse implements AuditFindingView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  auditId: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Số thứ tự trong cuộc đánh giá' })
  serial: number;

  @ApiProperty({ example: 'PH-03' })
  number: string;

  @ApiProperty({ enum: FindingType, enumName: 'FindingType' })
  type: FindingType;

  @ApiProperty({ example: 'Không phù hợp nặng' })
  typeLabel: string;

  @ApiProperty({ example: '8.5.1' })
  clause: string;

  @ApiProperty({ nullable: true, type: String, example: 'Kiểm soát sản xuất và cung cấp dịch vụ' })
  clauseTitle: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  orgUnitId: string | null;

  @ApiProperty({ nullable: true, type: String })
  orgUnitName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  checklistItemId: string | null;

  @ApiProperty()
  statement: string;

  @ApiProperty({ nullable: true, type: String })
  evidence: string | null;

  @ApiNullableProperty(FindingNonconformityResponse, {
    description: 'Sự không phù hợp được ghi nhận từ phát hiện khi ký báo cáo',
  })
  nonconformity: FindingNonconformityResponse | null;

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty({ nullable: true, type: String })
  createdByName: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Phiên bản của dòng dữ liệu (ETag)' })
  version: number;
}

export class AuditFindingFileResponse implements AuditFindingFileView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'anh-chup-so-theo-doi.pdf' })
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

/** The lead auditor's signature on the report. */
export class AuditReportSignatureResponse extends SignatureFactsResponse {
  @ApiPropertyOptional({
    description: 'Mã băm tính lại từ cuộc đánh giá, các phát hiện và tệp bằng chứng khớp với mã đã ký',
  })
  contentVerified?: boolean;
}

export class ReportNonconformityResponse
  extends FindingNonconformityResponse
  implements ReportNonconformityRef
{
  @ApiProperty({ format: 'uuid' })
  findingId: string;

  @ApiProperty({ example: 'PH-01' })
  findingNumber: string;
}

/** The report of an internal audit: state, conclusion, signature, nonconformities raised. */
export class AuditReportResponse implements AuditReportView {
  @ApiProperty({ format: 'uuid' })
  auditId: string;

  @ApiProperty({ example: '02/2026' })
  number: string;

  @ApiProperty({ enum: AuditState, enumName: 'AuditState' })
  state: AuditState;

  @ApiProperty({ example: 'Đã báo cáo' })
  stateLabel: string;

  @ApiProperty({ nullable: true, type: String })
  conclusion: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  reportedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt: string | null;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Phiên bản của cuộc đánh giá (ETag)' })
  version: number;

  @ApiNullableProperty(AuditReportSignatureResponse, { description: 'Chữ ký của trưởng đoàn đánh giá' })
  signature: AuditReportSignatureResponse | null;

  @ApiProperty({ type: [ReportNonconformityResponse] })
  nonconformities: ReportNonconformityResponse[];
}
