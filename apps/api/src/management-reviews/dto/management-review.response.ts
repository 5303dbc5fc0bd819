import { ApiProperty } from '@nestjs/swagger';
import {
  AuditResultInput,
  AuditsInput,
  ComplaintInput,
  ComplaintsInput,
  ConclusionsView,
  DocumentChangesInput,
  DocumentTypeCount,
  FindingTypeCounts,
  IssuedVersionInput,
  LabelledCount,
  LateDossiersInput,
  ManagementReviewState,
  ManagementReviewSummaryView,
  ManagementReviewView,
  ManualInputsView,
  ObjectivesInput,
  PersonRef,
  PreviousActionsInput,
  PreviousReviewAction,
  QualityPolicyInput,
  ReviewActionFileView,
  ReviewActionKind,
  ReviewActionState,
  ReviewActionView,
  ReviewInputs,
  WithdrawnDocumentInput,
} from '@eiso/management-reviews';
import type { ObjectiveResult, ObjectiveStatus } from '@eiso/objectives';
import type { RiskKind, RiskLevel, RiskSummary } from '@eiso/risks';
import { ApiNullableProperty } from '../../http/openapi/api-nullable-property';
import { SignatureFactsResponse } from '../../http/openapi/signature-facts.response';
import { NonconformitySummaryResponse } from '../../capa/dto/nonconformity-summary.response';

const OBJECTIVE_STATUSES = ['on_track', 'at_risk', 'missed', 'no_data'];
const RISK_LEVELS = ['low', 'medium', 'high'];

export class PersonRefResponse implements PersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
}

export class PreviousReviewActionResponse implements PreviousReviewAction {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ReviewActionKind, enumName: 'ReviewActionKind' }) kind: ReviewActionKind;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty() ownerName: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: ReviewActionState, enumName: 'ReviewActionState' }) state: ReviewActionState;
  @ApiProperty({ format: 'date', nullable: true, type: String }) doneOn: string | null;
  @ApiProperty({ description: 'Chưa hoàn thành và đã quá hạn (tại ngày tổng hợp)' }) overdue: boolean;
}

export class PreviousActionsResponse implements PreviousActionsInput {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Kỳ xem xét trước; null nếu chưa có',
  })
  reviewId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '01/2026' }) reviewNumber: string | null;
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) done: number;
  @ApiProperty({ type: 'integer' }) open: number;
  @ApiProperty({ type: 'integer' }) overdue: number;
  @ApiProperty({ type: [PreviousReviewActionResponse] }) items: PreviousReviewActionResponse[];
}

export class IssuedVersionResponse implements IssuedVersionInput {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ example: 'QT-01' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'procedure' }) type: string;
  @ApiProperty({ example: 'Quy trình' }) typeLabel: string;
  @ApiProperty({ type: 'integer', nullable: true }) issueNumber: number | null;
  @ApiProperty({ example: 'Lần ban hành 2' }) versionLabel: string;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
}

export class WithdrawnDocumentResponse implements WithdrawnDocumentInput {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() type: string;
  @ApiProperty() typeLabel: string;
  @ApiProperty({ format: 'date' }) withdrawnOn: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class DocumentTypeCountResponse implements DocumentTypeCount {
  @ApiProperty() type: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: 'integer' }) issued: number;
  @ApiProperty({ type: 'integer' }) withdrawn: number;
}

export class DocumentChangesResponse implements DocumentChangesInput {
  @ApiProperty({ type: 'integer' }) issuedCount: number;
  @ApiProperty({ type: 'integer' }) withdrawnCount: number;
  @ApiProperty({ type: [IssuedVersionResponse] }) issued: IssuedVersionResponse[];
  @ApiProperty({ type: [WithdrawnDocumentResponse] }) withdrawn: WithdrawnDocumentResponse[];
  @ApiProperty({ type: [DocumentTypeCountResponse] }) byType: DocumentTypeCountResponse[];
}

export class ObjectiveMeasurementPointResponse {
  @ApiProperty({ example: '2026-03', description: 'Kỳ đo: YYYY-MM, YYYY-Qn hoặc YYYY' }) period: string;
  @ApiProperty({ type: 'number' }) value: number;
}

export class ObjectiveResultResponse implements ObjectiveResult {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty() statement: string;
  @ApiProperty() kpiName: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: ['at_least', 'at_most'] }) direction: 'at_least' | 'at_most';
  @ApiProperty({ type: 'number' }) target: number;
  @ApiProperty({ format: 'uuid' }) ownerOrgUnitId: string;
  @ApiProperty() ownerOrgUnitName: string;
  @ApiProperty({ type: [ObjectiveMeasurementPointResponse] })
  measurements: ObjectiveMeasurementPointResponse[];
  @ApiProperty({ type: 'number', nullable: true }) result: number | null;
  @ApiProperty({ enum: OBJECTIVE_STATUSES }) status: ObjectiveStatus;
}

export class ObjectiveStatusCountResponse implements LabelledCount<ObjectiveStatus> {
  @ApiProperty({ enum: OBJECTIVE_STATUSES }) key: ObjectiveStatus;
  @ApiProperty() label: string;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class ObjectivesInputResponse implements ObjectivesInput {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: [ObjectiveStatusCountResponse] }) byStatus: ObjectiveStatusCountResponse[];
  @ApiProperty({ type: [ObjectiveResultResponse] }) items: ObjectiveResultResponse[];
}

export class FindingTypeCountsResponse implements FindingTypeCounts {
  @ApiProperty({ type: 'integer', description: 'Không phù hợp nặng' }) major_nc: number;
  @ApiProperty({ type: 'integer', description: 'Không phù hợp nhẹ' }) minor_nc: number;
  @ApiProperty({ type: 'integer', description: 'Khuyến nghị' }) observation: number;
  @ApiProperty({ type: 'integer', description: 'Cơ hội cải tiến' }) ofi: number;
}

export class AuditResultResponse implements AuditResultInput {
  @ApiProperty({ format: 'uuid' }) auditId: string;
  @ApiProperty({ example: '01/2026' }) number: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ format: 'date' }) reportedOn: string;
  @ApiProperty() leadAuditorName: string;
  @ApiProperty({ type: FindingTypeCountsResponse }) findings: FindingTypeCountsResponse;
}

export class AuditsInputResponse implements AuditsInput {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: FindingTypeCountsResponse }) findings: FindingTypeCountsResponse;
  @ApiProperty({ type: [AuditResultResponse] }) items: AuditResultResponse[];
}

export class ComplaintResponse implements ComplaintInput {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '03/2026' }) number: string;
  @ApiProperty({ format: 'date' }) detectedOn: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['open', 'closed'] }) state: string;
  @ApiProperty() stateLabel: string;
}

export class ComplaintsInputResponse implements ComplaintsInput {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: [ComplaintResponse] }) items: ComplaintResponse[];
}

export class LateDossiersInputResponse implements LateDossiersInput {
  @ApiProperty({ type: 'integer', description: 'Số hồ sơ TTHC giải quyết trễ hạn ghi nhận trong kỳ' })
  count: number;
}

export class RiskLevelCountsResponse {
  @ApiProperty({ type: 'integer' }) low: number;
  @ApiProperty({ type: 'integer' }) medium: number;
  @ApiProperty({ type: 'integer' }) high: number;
}

export class RiskOpenCountsResponse {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) risks: number;
  @ApiProperty({ type: 'integer' }) opportunities: number;
  @ApiProperty({ type: RiskLevelCountsResponse }) byLevel: RiskLevelCountsResponse;
}

export class HighRiskResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ enum: ['risk', 'opportunity'] }) kind: RiskKind;
  @ApiProperty() description: string;
  @ApiProperty({ type: 'integer' }) score: number;
  @ApiProperty({ enum: RISK_LEVELS }) level: RiskLevel;
  @ApiProperty() ownerOrgUnitName: string;
  @ApiProperty() treatment: string;
}

export class RiskReassessmentResponse {
  @ApiProperty({ format: 'uuid' }) riskId: string;
  @ApiProperty() code: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date-time' }) assessedAt: string;
  @ApiProperty({ type: 'integer' }) fromScore: number;
  @ApiProperty({ type: 'integer' }) toScore: number;
  @ApiProperty({ enum: RISK_LEVELS }) fromLevel: RiskLevel;
  @ApiProperty({ enum: RISK_LEVELS }) toLevel: RiskLevel;
}

export class RiskSummaryResponse implements RiskSummary {
  @ApiProperty({ type: RiskOpenCountsResponse }) open: RiskOpenCountsResponse;
  @ApiProperty({ type: [HighRiskResponse] }) high: HighRiskResponse[];
  @ApiProperty({ type: 'integer' }) raised: number;
  @ApiProperty({ type: 'integer' }) closed: number;
  @ApiProperty({ type: [RiskReassessmentResponse] }) reassessments: RiskReassessmentResponse[];
}

export class QualityPolicyResponse implements QualityPolicyInput {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer', nullable: true }) issueNumber: number | null;
  @ApiProperty() versionLabel: string;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
}

export class ReviewInputsResponse implements ReviewInputs {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ format: 'date', description: 'Ngày tính quá hạn, đang mở' }) asOf: string;
  @ApiProperty({ type: PreviousActionsResponse, description: 'a) Hành động từ lần xem xét trước' })
  previousActions: PreviousActionsResponse;
  @ApiProperty({ type: DocumentChangesResponse, description: 'b) Thay đổi tài liệu' })
  documentChanges: DocumentChangesResponse;
  @ApiProperty({ type: ObjectivesInputResponse, description: 'c) Mục tiêu chất lượng' })
  objectives: ObjectivesInputResponse;
  @ApiProperty({ type: AuditsInputResponse, description: 'd) Kết quả đánh giá nội bộ' })
  audits: AuditsInputResponse;
  @ApiProperty({
    type: NonconformitySummaryResponse,
    description: 'e) Sự không phù hợp và hành động khắc phục',
  })
  nonconformities: NonconformitySummaryResponse;
  @ApiProperty({ type: ComplaintsInputResponse, description: 'f) Phản ánh, kiến nghị' })
  complaints: ComplaintsInputResponse;
  @ApiProperty({ type: LateDossiersInputResponse, description: 'f) Hồ sơ TTHC trễ hạn' })
  lateDossiers: LateDossiersInputResponse;
  @ApiProperty({ type: RiskSummaryResponse, description: 'g) Rủi ro và cơ hội' })
  risks: RiskSummaryResponse;
  @ApiNullableProperty(QualityPolicyResponse, { description: 'h) Chính sách chất lượng hiệu lực cuối kỳ' })
  qualityPolicy: QualityPolicyResponse | null;
}

export class ManualInputsResponse implements ManualInputsView {
  @ApiProperty({ nullable: true, type: String }) customerFeedback: string | null;
  @ApiProperty({ nullable: true, type: String }) providerPerformance: string | null;
  @ApiProperty({ nullable: true, type: String }) resourceAdequacy: string | null;
  @ApiProperty({ nullable: true, type: String }) contextChanges: string | null;
  @ApiProperty({ nullable: true, type: String }) improvementOpportunities: string | null;
}

export class ConclusionsResponse implements ConclusionsView {
  @ApiProperty({ nullable: true, type: String }) suitability: string | null;
  @ApiProperty({ nullable: true, type: String }) adequacy: string | null;
  @ApiProperty({ nullable: true, type: String }) effectiveness: string | null;
}

export class ReviewActionResponse implements ReviewActionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) reviewId: string;
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty({ enum: ReviewActionKind, enumName: 'ReviewActionKind' }) kind: ReviewActionKind;
  @ApiProperty() kindLabel: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty() ownerName: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: ReviewActionState, enumName: 'ReviewActionState' }) state: ReviewActionState;
  @ApiProperty() stateLabel: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) doneOn: string | null;
  @ApiProperty({ nullable: true, type: String }) doneNote: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: 'integer' }) version: number;
}

export class ManagementReviewSummaryResponse implements ManagementReviewSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '01/2027' }) number: string;
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ type: 'integer' }) serial: number;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) periodFrom: string;
  @ApiProperty({ format: 'date' }) periodTo: string;
  @ApiProperty({ format: 'date' }) meetingDate: string;
  @ApiProperty({ enum: ManagementReviewState, enumName: 'ManagementReviewState' })
  state: ManagementReviewState;
  @ApiProperty() stateLabel: string;
  @ApiProperty({ format: 'uuid' }) chairId: string;
  @ApiProperty({ type: 'integer' }) version: number;
}

export class ManagementReviewResponse
  extends ManagementReviewSummaryResponse
  implements ManagementReviewView
{
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ nullable: true, type: String }) place: string | null;
  @ApiProperty({ type: PersonRefResponse }) chair: PersonRefResponse;
  @ApiProperty({ type: [PersonRefResponse] }) attendees: PersonRefResponse[];
  @ApiProperty({ type: [String] }) guests: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) presentIds: string[];
  @ApiProperty({ type: ManualInputsResponse }) manualInputs: ManualInputsResponse;
  @ApiProperty({ type: ConclusionsResponse }) conclusions: ConclusionsResponse;
  @ApiProperty({ type: ReviewInputsResponse, description: 'Đầu vào được tổng hợp (chốt khi đã họp)' })
  inputs: ReviewInputsResponse;
  @ApiProperty({ format: 'date-time' }) compiledAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) heldAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) signedAt: string | null;
  @ApiNullableProperty(SignatureFactsResponse) signature: SignatureFactsResponse | null;
  @ApiProperty({ type: [ReviewActionResponse] }) actions: ReviewActionResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ReviewActionFileResponse implements ReviewActionFileView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer' }) size: number;
  @ApiProperty() sha256: string;
  @ApiProperty() mediaType: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
