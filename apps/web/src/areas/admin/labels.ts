import type { components } from '../../api/schema';

export type Agency = components['schemas']['AgencyResponse'];
export type AgencyLevel = Agency['level'];
export type OrgUnit = components['schemas']['OrgUnitResponse'];
export type User = components['schemas']['UserResponse'];
export type JobRun = components['schemas']['JobRunResponse'];
export type ScheduledJob = components['schemas']['ScheduledJobResponse'];

/** Administrative levels, as a Vietnamese administration names them. */
export const AGENCY_LEVEL_LABELS: Record<AgencyLevel, string> = {
  province: 'Cấp tỉnh',
  province_department: 'Sở, ban, ngành',
  sub_department: 'Chi cục, đơn vị thuộc sở',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  public_service_unit: 'Đơn vị sự nghiệp công lập',
  other: 'Khác',
};

export const AGENCY_STATUS_LABELS: Record<Agency['status'], string> = {
  active: 'Đang hoạt động',
  merged: 'Đã sáp nhập',
  dissolved: 'Đã giải thể',
};

export const JOB_STATE_LABELS: Record<
  JobRun['state'],
  { label: string; status: 'default' | 'processing' | 'success' | 'error' }
> = {
  queued: { label: 'Đang chờ', status: 'default' },
  running: { label: 'Đang chạy', status: 'processing' },
  succeeded: { label: 'Thành công', status: 'success' },
  failed: { label: 'Thất bại', status: 'error' },
};

export const JOB_TRIGGER_LABELS: Record<JobRun['trigger'], string> = {
  schedule: 'Theo lịch',
  'catch-up': 'Chạy bù',
  manual: 'Quản trị yêu cầu',
  event: 'Hệ thống',
};
