import type { DemoAccount } from './demo-province';

const ROLE_LABELS: Record<string, string> = {
  drafter: 'soạn thảo',
  reviewer: 'xem xét',
  approver: 'phê duyệt (thủ trưởng)',
  iso_secretary: 'thư ký ISO',
  auditor: 'đánh giá viên nội bộ',
  staff: 'cán bộ, công chức',
  overseer: 'giám sát (Sở KH&CN)',
  admin: 'quản trị hệ thống',
};

export const DEMO_MESSAGES = {
  seeded: (
    agencies: number,
    agencyName: string,
    accounts: readonly DemoAccount[],
    password: string | null,
  ): string =>
    [
      `Dữ liệu mẫu: đã nạp ${agencies} cơ quan theo lộ trình của tỉnh Kon Tum (Quyết định 474/QĐ-UBND năm 2020); ` +
        `cơ quan thử nghiệm: ${agencyName}. Tài khoản mẫu:`,
      ...accounts.map(
        (a) => `  ${a.username} — ${a.fullName}, ${a.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}`,
      ),
      password
        ? `Mật khẩu chung của các tài khoản mẫu (chỉ in một lần): ${password}`
        : 'Mật khẩu của các tài khoản mẫu: giá trị EISO_DEMO_PASSWORD.',
      'Đăng nhập: POST /api/v1/auth/login hoặc giao diện /api/docs. Tắt dữ liệu mẫu: EISO_DEMO_SEED=false.',
    ].join('\n'),
  agencyMissing: (name: string): string =>
    `Dữ liệu mẫu: không tìm thấy cơ quan "${name}" trong danh sách đã nạp`,
};
