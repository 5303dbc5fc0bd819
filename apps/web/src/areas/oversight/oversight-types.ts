import type { components } from '../../api/schema';

export type OversightRow = components['schemas']['OversightRowResponse'];
export type OversightSummary = components['schemas']['OversightSummaryResponse'];

export const LEVEL_LABELS: Record<string, string> = {
  province: 'Cấp tỉnh',
  province_department: 'Sở, ban, ngành cấp tỉnh',
  sub_department: 'Chi cục và tương đương',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  public_service_unit: 'Đơn vị sự nghiệp công lập',
  other: 'Khác',
};
