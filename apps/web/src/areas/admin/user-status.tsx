import { Badge, Space } from 'antd';
import type { User } from './labels';

/** Whether a login is locked now (too many wrong passwords). */
export function isLocked(user: User): boolean {
  return !!user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now();
}

/** An account's state in words (never colour alone). */
export function UserStatusTags({ user }: { user: User }) {
  return (
    <Space size={4} wrap>
      {user.active ? (
        <Badge status="success" text="Đang hoạt động" />
      ) : (
        <Badge status="default" text="Đã vô hiệu hóa" />
      )}
      {isLocked(user) ? <Badge status="error" text="Đang bị khóa đăng nhập" /> : null}
      {user.mustChangePassword ? <Badge status="warning" text="Phải đổi mật khẩu" /> : null}
    </Space>
  );
}
