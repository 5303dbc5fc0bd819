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
  /** To the agency's ISO secretaries: someone's signature was locked by wrong signing passwords. */
  signingLockedForSecretary: (s: SigningLockFacts) => ({
    title: `Chữ ký của ${s.fullName} bị khóa do nhập sai mật khẩu ký`,
    body:
      `Lúc ${formatDateTimeVi(s.at)}, mật khẩu ký của tài khoản ${s.username} (${s.fullName}` +
      `${s.position ? `, ${s.position}` : ''}) bị nhập sai ${s.failures} lần liên tiếp${from(s.address)}; ` +
      `chức năng ký của tài khoản bị khóa đến ${formatDateTimeVi(s.lockedUntil)}. ` +
      'Nếu không phải chính người này nhập nhầm, phiên đăng nhập của họ có thể đang bị người khác sử dụng: ' +
      'hãy liên hệ ngay với người này và quản trị hệ thống.',
  }),
  /** To the account holder: their signing is locked, and what to do if it was not them. */
  signingLockedForHolder: (s: SigningLockFacts) => ({
    title: `Chức năng ký của bạn bị khóa đến ${formatDateTimeVi(s.lockedUntil)}`,
    body:
      `Lúc ${formatDateTimeVi(s.at)}, mật khẩu ký của tài khoản ${s.username} bị nhập sai ${s.failures} lần ` +
      `liên tiếp${from(s.address)}; chức năng ký bị khóa đến ${formatDateTimeVi(s.lockedUntil)}, đăng nhập ` +
      'và các việc khác không bị ảnh hưởng. Nếu không phải bạn nhập, hãy đổi mật khẩu ngay và báo cho quản trị hệ thống.',
  }),
  unlocked: (username: string, cleared: number) =>
    `Đã mở khóa tài khoản ${username} (xóa ${cleared} bộ đếm đăng nhập sai theo địa chỉ, khóa toàn tài khoản và khóa chữ ký).`,
} as const;

/** What a signing-lock notification tells. */
export interface SigningLockFacts {
  username: string;
  fullName: string;
  position: string | null;
  /** Wrong signing passwords in a row that locked it. */
  failures: number;
  at: Date;
  lockedUntil: Date;
  /** The client address of the last attempt ('' when unknown). */
  address: string;
}

function from(address: string): string {
  return address ? ` từ địa chỉ ${address}` : '';
}
