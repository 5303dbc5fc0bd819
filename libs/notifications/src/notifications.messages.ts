/** Vietnamese texts of notification delivery. */
export const NOTIFICATION_MESSAGES = {
  /** Last paragraph of an e-mail copy. */
  emailLink: (link: string): string => `Xem chi tiết trên hệ thống eISO: ${link}`,
  inAppOnly: (count: number): string =>
    `Chưa cấu hình SMTP_URL: ${count} thông báo chỉ hiển thị trong hệ thống, không gửi thư điện tử`,
  sent: (sent: number, total: number): string => `Đã gửi thư điện tử cho ${sent}/${total} thông báo`,
  invalidAddress: (id: string, email: string): string =>
    `Bỏ qua thông báo ${id}: địa chỉ thư điện tử "${email}" không hợp lệ`,
  rejected: (id: string, reason: string): string =>
    `Bỏ qua thông báo ${id}: máy chủ thư từ chối vĩnh viễn (${reason})`,
  transient: (id: string, reason: string): string => `Chưa gửi được thông báo ${id} (${reason}); sẽ thử lại`,
} as const;
