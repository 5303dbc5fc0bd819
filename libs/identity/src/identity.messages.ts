import { formatDateTimeVi } from '@eiso/common';

/** Vietnamese texts of accounts: notifications and command-line answers. */
export const IDENTITY_MESSAGES = {
  passwordReset: (username: string, by: string, at: Date) => ({
    title: 'Mật khẩu của bạn đã được đặt lại',
    body:
      `Mật khẩu tài khoản ${username} đã được ${by} đặt lại lúc ${formatDateTimeVi(at)}. ` +
      'Mật khẩu này chỉ dùng tạm: ở lần đăng nhập tới bạn phải đổi sang mật khẩu của riêng mình. ' +
      'Nếu bạn không đề nghị đặt lại mật khẩu, hãy báo ngay cho quản trị hệ thống.',
  }),
  unlocked: (username: string, cleared: number) =>
    `Đã mở khóa tài khoản ${username} (xóa ${cleared} bộ đếm đăng nhập sai theo địa chỉ và khóa toàn tài khoản).`,
} as const;
