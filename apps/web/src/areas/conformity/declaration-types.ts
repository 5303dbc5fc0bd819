import type { components } from '../../api/schema';

export type Declaration = components['schemas']['DeclarationResponse'];
export type DeclarationSummary = components['schemas']['DeclarationSummaryResponse'];
export type DeclarationState = components['schemas']['DeclarationState'];

export const DECLARATION_STATE_LABELS: Record<DeclarationState, string> = {
  draft: 'Dự thảo',
  signed: 'Đã ký',
  submitted: 'Đã gửi Sở KH&CN',
  acknowledged: 'Sở KH&CN đã tiếp nhận',
};
