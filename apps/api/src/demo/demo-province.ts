import { Role } from '@eiso/common';

/**
 * What the embedded profile loads on an empty database so that a newcomer can try every role:
 * the Kon Tum roadmap list (Quyết định 474/QĐ-UBND năm 2020), one agency doing its quality work
 * with an account per role, and the Department of Science and Technology's overseer.
 * The people are invented; the agencies are the plan's.
 */
export const DEMO_AGENCY_LIST = 'seed/kontum-agencies-2020.csv';

/** The agency whose quality work the demo accounts do (a 2025 agency of the plan). */
export const DEMO_AGENCY_NAME = 'Sở Tư pháp';
/** The overseer's agency (Sở KH&CN oversees every agency's declaration). */
export const OVERSEER_AGENCY_NAME = 'Sở Khoa học và Công nghệ';

export const DEMO_ORG_UNITS = {
  office: { name: 'Văn phòng Sở', code: 'VP' },
  judicial: { name: 'Phòng Hành chính tư pháp', code: 'HCTP' },
} as const;

export type DemoOrgUnit = keyof typeof DEMO_ORG_UNITS;

export interface DemoAccount {
  username: string;
  fullName: string;
  position: string;
  roles: Role[];
  /** In the demo agency, except the overseer. */
  agency: 'demo' | 'overseer';
  orgUnit?: DemoOrgUnit;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'stp.thuky',
    fullName: 'Nguyễn Thị Thu Hà',
    position: 'Chánh Văn phòng, Thư ký ISO',
    roles: [Role.IsoSecretary],
    agency: 'demo',
    orgUnit: 'office',
  },
  {
    username: 'stp.soanthao',
    fullName: 'Trần Văn Minh',
    position: 'Chuyên viên',
    roles: [Role.Drafter],
    agency: 'demo',
    orgUnit: 'judicial',
  },
  {
    username: 'stp.xemxet',
    fullName: 'Lê Thị Hồng',
    position: 'Trưởng phòng Hành chính tư pháp',
    roles: [Role.Reviewer],
    agency: 'demo',
    orgUnit: 'judicial',
  },
  {
    username: 'stp.giamdoc',
    fullName: 'Phạm Quốc Hùng',
    position: 'Giám đốc Sở',
    roles: [Role.Approver],
    agency: 'demo',
    orgUnit: 'office',
  },
  {
    username: 'stp.chuyenvien',
    fullName: 'Đỗ Thị Lan',
    position: 'Chuyên viên',
    roles: [Role.Staff],
    agency: 'demo',
    orgUnit: 'judicial',
  },
  {
    username: 'stp.danhgia',
    fullName: 'Vũ Đức Anh',
    position: 'Đánh giá viên nội bộ',
    roles: [Role.Auditor],
    agency: 'demo',
    orgUnit: 'office',
  },
  {
    username: 'skhcn.giamsat',
    fullName: 'Hoàng Văn Tuấn',
    position: 'Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng',
    roles: [Role.Overseer],
    agency: 'overseer',
  },
];

/** Two lines of the demo agency's Danh mục hồ sơ, kept by the judicial unit. */
export const DEMO_RECORD_TYPES = [
  {
    code: 'HS-LLTP',
    name: 'Hồ sơ cấp Phiếu lý lịch tư pháp',
    retentionMonths: 60,
    storagePlace: 'Kho lưu trữ Sở Tư pháp',
  },
  {
    code: 'HS-DGNB',
    name: 'Hồ sơ đánh giá nội bộ HTQLCL',
    retentionMonths: 36,
    storagePlace: 'Văn phòng Sở',
  },
] as const;
