/** Where an agency sits in the provincial administration (DESIGN §3). */
export enum AgencyLevel {
  Province = 'province',
  ProvinceDepartment = 'province_department',
  SubDepartment = 'sub_department',
  District = 'district',
  Commune = 'commune',
  PublicServiceUnit = 'public_service_unit',
  Other = 'other',
}

/** An agency's life: restructuring marks the old ones merged or dissolved, never deletes them. */
export enum AgencyStatus {
  Active = 'active',
  Merged = 'merged',
  Dissolved = 'dissolved',
}

export const AGENCY_LEVELS: readonly AgencyLevel[] = Object.values(AgencyLevel);
export const AGENCY_STATUSES: readonly AgencyStatus[] = Object.values(AgencyStatus);

/** Vietnamese labels shown to users. */
export const AGENCY_LEVEL_LABELS: Record<AgencyLevel, string> = {
  [AgencyLevel.Province]: 'Cấp tỉnh',
  [AgencyLevel.ProvinceDepartment]: 'Sở, ban, ngành cấp tỉnh',
  [AgencyLevel.SubDepartment]: 'Chi cục và tương đương',
  [AgencyLevel.District]: 'Cấp huyện',
  [AgencyLevel.Commune]: 'Cấp xã',
  [AgencyLevel.PublicServiceUnit]: 'Đơn vị sự nghiệp công lập',
  [AgencyLevel.Other]: 'Khác',
};

export const AGENCY_STATUS_LABELS: Record<AgencyStatus, string> = {
  [AgencyStatus.Active]: 'Đang hoạt động',
  [AgencyStatus.Merged]: 'Đã sáp nhập',
  [AgencyStatus.Dissolved]: 'Đã giải thể',
};

export function isAgencyLevel(value: string): value is AgencyLevel {
  return (AGENCY_LEVELS as readonly string[]).includes(value);
}

/** The range the database accepts for a roadmap year (ck_agency_roadmap_year). */
export const MIN_ROADMAP_YEAR = 2000;
export const MAX_ROADMAP_YEAR = 2100;
