/** The HTTP listener could not open, for a reason the operator fixes in the environment. */
export class ListenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListenError';
  }
}

/**
 * The one Vietnamese line that tells why `listen` failed and which setting to change, or
 * undefined for an error that is no listener problem (it keeps its stack).
 */
export function listenErrorMessage(error: unknown, port: number, host: string): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'EADDRINUSE':
      return `Cổng ${port} đang được chương trình khác dùng: đặt PORT=… để chạy ở cổng khác.`;
    case 'EACCES':
      return (
        `Không có quyền mở cổng ${port} (cổng dưới 1024 cần quyền quản trị): ` +
        'đặt PORT=… (ví dụ 3000) để chạy ở cổng khác.'
      );
    case 'EADDRNOTAVAIL':
      return (
        `Địa chỉ ${host} không thuộc máy này: đặt HOST=… là một địa chỉ của máy, ` +
        'hoặc 0.0.0.0 để nghe trên mọi địa chỉ.'
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Không tìm thấy địa chỉ HOST=${host}: đặt HOST=… là một địa chỉ IP của máy, hoặc 0.0.0.0.`;
    default:
      return undefined;
  }
}
