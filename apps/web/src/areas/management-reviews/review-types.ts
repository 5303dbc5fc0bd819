import type { components } from '../../api/schema';

type S = components['schemas'];
export type ManagementReview = S['ManagementReviewResponse'];
export type ManagementReviewSummary = S['ManagementReviewSummaryResponse'];
export type ManagementReviewState = S['ManagementReviewState'];
export type ReviewInputs = S['ReviewInputsResponse'];
export type ReviewAction = S['ReviewActionResponse'];
export type ReviewActionKind = S['ReviewActionKind'];

export const REVIEW_STATE_LABELS: Record<ManagementReviewState, string> = {
  planned: 'Đã lập kế hoạch',
  held: 'Đã họp',
  signed: 'Đã ký',
};

export const ACTION_KIND_LABELS: Record<ReviewActionKind, string> = {
  improvement: 'Cơ hội cải tiến',
  qms_change: 'Thay đổi hệ thống quản lý chất lượng',
  resources: 'Nhu cầu về nguồn lực',
};
