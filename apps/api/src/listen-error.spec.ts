import { createServer, Server } from 'node:net';
import { AddressInfo } from 'node:net';
import { listenErrorMessage } from './listen-error';

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

describe('listenErrorMessage', () => {
  it('names PORT when the port is taken, from the error Node really raises', async () => {
    const holder = createServer();
    await listen(holder, 0, '127.0.0.1');
    const port = (holder.address() as AddressInfo).port;
    const error = await listen(createServer(), port, '127.0.0.1').catch((e: unknown) => e);
    holder.close();
    expect(listenErrorMessage(error, port, '127.0.0.1')).toBe(
      `Cổng ${port} đang được chương trình khác dùng: đặt PORT=… để chạy ở cổng khác.`,
    );
  });

  it('names HOST when the address is not one of this machine', async () => {
    // 192.0.2.0/24 is TEST-NET-1: never an address of this machine.
    const error = await listen(createServer(), 0, '192.0.2.1').catch((e: unknown) => e);
    expect(listenErrorMessage(error, 3000, '192.0.2.1')).toBe(
      'Địa chỉ 192.0.2.1 không thuộc máy này: đặt HOST=… là một địa chỉ của máy, hoặc 0.0.0.0 để nghe trên mọi địa chỉ.',
    );
  });

  it('explains a privileged port and a host name that does not resolve', () => {
    expect(listenErrorMessage(Object.assign(new Error('x'), { code: 'EACCES' }), 80, '0.0.0.0')).toBe(
      'Không có quyền mở cổng 80 (cổng dưới 1024 cần quyền quản trị): đặt PORT=… (ví dụ 3000) để chạy ở cổng khác.',
    );
    expect(listenErrorMessage({ code: 'ENOTFOUND' }, 3000, 'may-chu-khong-co')).toMatch(
      /^Không tìm thấy địa chỉ HOST=may-chu-khong-co: /,
    );
  });

  it('leaves any other error to keep its stack', () => {
    expect(listenErrorMessage(new Error('boom'), 3000, '0.0.0.0')).toBeUndefined();
    expect(listenErrorMessage('EADDRINUSE', 3000, '0.0.0.0')).toBeUndefined();
    expect(listenErrorMessage(null, 3000, '0.0.0.0')).toBeUndefined();
  });
});
