import { PassThrough } from 'node:stream';
import pino from 'pino';
import { formatLogMessage, formatLogTime, prettyLogStream } from './pretty-log';

describe('pretty log lines', () => {
  describe('formatLogTime', () => {
    it('reads an instant on a clock in Vietnam, with its offset', () => {
      expect(formatLogTime(Date.UTC(2026, 11, 2, 6, 5, 1))).toBe('2026-12-02 13:05:01 +07');
      expect(formatLogTime('2026-12-02T06:05:01.999Z')).toBe('2026-12-02 13:05:01 +07');
    });

    it('moves to the next day and year in Vietnam before UTC does, and keeps midnight as 00', () => {
      expect(formatLogTime(Date.UTC(2026, 11, 31, 17, 0, 0))).toBe('2027-01-01 00:00:00 +07');
    });

    it('does not depend on the server time zone', () => {
      const saved = process.env.TZ;
      try {
        process.env.TZ = 'America/New_York';
        expect(formatLogTime(Date.UTC(2026, 6, 1, 0, 0, 0))).toBe('2026-07-01 07:00:00 +07');
      } finally {
        process.env.TZ = saved;
      }
    });

    it('leaves what is not a time as it is', () => {
      expect(formatLogTime('không phải thời gian')).toBe('không phải thời gian');
    });
  });

  describe('formatLogMessage', () => {
    const request = {
      requestId: 'c4a9aa69-c52b-4da1-a391-9b56bfe9cda1',
      req: { method: 'GET', url: '/api/v1/agencies' },
      res: { statusCode: 401, contentLength: 149 },
      responseTime: 7,
      message: 'request completed',
    };

    it('prints a failed request with its error code and request id', () => {
      expect(formatLogMessage({ ...request, errorCode: 'AUTH_REQUIRED' })).toBe(
        'GET /api/v1/agencies → 401 AUTH_REQUIRED (7 ms) (requestId c4a9aa69-c52b-4da1-a391-9b56bfe9cda1)',
      );
    });

    it('prints a successful request without an error code', () => {
      expect(formatLogMessage({ ...request, res: { statusCode: 200 } })).toBe(
        'GET /api/v1/agencies → 200 (7 ms) (requestId c4a9aa69-c52b-4da1-a391-9b56bfe9cda1)',
      );
    });

    it('ends a line written while serving a request with its id, once', () => {
      expect(formatLogMessage({ context: 'AuthService', requestId: 'abc12345', message: 'Đăng nhập' })).toBe(
        '[AuthService] Đăng nhập (requestId abc12345)',
      );
      expect(
        formatLogMessage({
          context: 'HttpError',
          requestId: 'abc12345',
          message: 'Lỗi (requestId abc12345)',
        }),
      ).toBe('[HttpError] Lỗi (requestId abc12345)');
    });

    it('prints a job line as context and message, with no HTTP part', () => {
      expect(formatLogMessage({ context: 'NotificationsSendJobHandler', message: 'Đã gửi 2/2 thư' })).toBe(
        '[NotificationsSendJobHandler] Đã gửi 2/2 thư',
      );
    });

    it('uses the given message key and blanks control characters', () => {
      expect(formatLogMessage({ msg: 'một\ndòng\u001b[2Kgiả' }, 'msg')).toBe('một dòng [2Kgiả');
    });
  });

  it('writes lines with ICT time, level and message, and no leftover request fields', async () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
    const logger = pino(
      { messageKey: 'message', timestamp: () => `,"time":${Date.UTC(2026, 11, 2, 6, 5, 1)}` },
      prettyLogStream(out),
    );
    logger.info(
      {
        requestId: 'r-0000001',
        req: { method: 'POST', url: '/api/v1/auth/login' },
        res: { statusCode: 401 },
        errorCode: 'AUTH_INVALID_CREDENTIALS',
        responseTime: 12,
      },
      'request completed',
    );
    logger.warn({ context: 'InProcessJobQueue' }, 'Dừng hàng đợi');
    await new Promise((resolve) => setImmediate(resolve));
    expect(written.split('\n')).toEqual([
      '2026-12-02 13:05:01 +07 INFO: POST /api/v1/auth/login → 401 AUTH_INVALID_CREDENTIALS (12 ms) (requestId r-0000001)',
      '2026-12-02 13:05:01 +07 WARN: [InProcessJobQueue] Dừng hàng đợi',
      '',
    ]);
  });
});
