/** Roles a user can hold inside their agency (DESIGN §1). */
export enum Role {
  Drafter = 'drafter',
  Reviewer = 'reviewer',
  Approver = 'approver',
  IsoSecretary = 'iso_secretary',
  Auditor = 'auditor',
  Staff = 'staff',
  Overseer = 'overseer',
  Admin = 'admin',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Roles that only a system administrator may grant. */
export const PRIVILEGED_ROLES: readonly Role[] = [Role.Admin, Role.Overseer];

/** Vietnamese labels shown to users. */
export const ROLE_LABELS: Record<Role, string> = {
  [Role.Drafter]: 'Chuyên viên soạn thảo',
  [Role.Reviewer]: 'Người xem xét',
  [Role.Approver]: 'Thủ trưởng / người được ủy quyền',
  [Role.IsoSecretary]: 'Thư ký ISO',
  [Role.Auditor]: 'Đánh giá viên nội bộ',
  [Role.Staff]: 'Cán bộ, công chức',
  [Role.Overseer]: 'Sở KH&CN (cơ quan theo dõi)',
  [Role.Admin]: 'Quản trị hệ thống',
};
