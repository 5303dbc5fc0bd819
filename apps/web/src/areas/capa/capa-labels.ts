import type {
  CorrectiveActionState,
  NonconformitySeverity,
  NonconformitySource,
  NonconformityState,
} from './capa-types';
import type { Tone } from './ToneTag';

/** Vietnamese names of the API's values (as libs/capa names them), for filters and tags. */
export const NC_STATE_LABELS: Record<NonconformityState, string> = {
  open: 'Đang xử lý',
  closed: 'Đã kết thúc',
};

export const NC_SEVERITY_LABELS: Record<NonconformitySeverity, string> = {
  major: 'Nặng',
  minor: 'Nhẹ',
};

export const NC_SOURCE_LABELS: Record<NonconformitySource, string> = {
  audit_finding: 'Đánh giá nội bộ',
  complaint: 'Phản ánh, kiến nghị',
  late_dossier: 'Hồ sơ TTHC trễ hạn',
  management_review: 'Xem xét của lãnh đạo',
  self: 'Tự phát hiện',
};

/** Sources a user may raise by hand (audit findings come from a signed audit report). */
export const RAISABLE_SOURCES: NonconformitySource[] = [
  'self',
  'complaint',
  'late_dossier',
  'management_review',
];

export const CA_STATE_LABELS: Record<CorrectiveActionState, string> = {
  open: 'Mới mở',
  planned: 'Đã lập kế hoạch',
  in_progress: 'Đang thực hiện',
  verifying: 'Đang kiểm tra hiệu lực',
  closed: 'Đã kết thúc',
};

export const CA_STATES: CorrectiveActionState[] = ['open', 'planned', 'in_progress', 'verifying', 'closed'];

export const CA_STATE_TONES: Record<CorrectiveActionState, Tone> = {
  open: 'neutral',
  planned: 'info',
  in_progress: 'progress',
  verifying: 'warning',
  closed: 'success',
};
