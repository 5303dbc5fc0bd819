import PinoPretty from 'pino-pretty';
import type { DestinationStream } from 'pino';

/** Log times are read in Vietnam, whatever the server's TZ (DESIGN §12). */
const LOG_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: LOG_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  // h23 keeps midnight as 00; some ICU builds print 24 otherwise.
  hourCycle: 'h23',
});

/** Fields of a request line, printed in its own words rather than as trailing JSON. */
const REQUEST_FIELDS = ['context', 'req', 'res', 'responseTime', 'requestId', 'errorCode'];

/** Control characters (but tab) would let a logged value forge or hide terminal lines. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
}

/** `2026-12-02 13:05:01 +07`: the instant as a clock in Vietnam reads it, with its UTC offset. */
export function formatLogTime(time: unknown): string {
  const instant = new Date(typeof time === 'number' || typeof time === 'string' ? time : NaN);
  if (Number.isNaN(instant.getTime())) return String(time);
  const parts: Record<string, string> = {};
  for (const part of wallClock.formatToParts(instant)) parts[part.type] = part.value;
  const { year, month, day, hour, minute, second } = parts;
  const wall = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  const offsetMinutes = Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = Math.abs(offsetMinutes) % 60;
  const offset = `${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
  return `${year.padStart(4, '0')}-${month}-${day} ${hour}:${minute}:${second} ${offset}`;
}

/**
 * The message part of a line for a person: `[Context] message`; a request line instead reads
 * `GET /api/v1/x → 404 ROUTE_NOT_FOUND (3 ms)`. Every line written while serving a request ends
 * with its id, the one the client sees in X-Request-Id and in error bodies. A job's lines have
 * no request, hence no id.
 */
export function formatLogMessage(log: Record<string, unknown>, messageKey = 'message'): string {
  const parts: string[] = [];
  const context = text(log.context);
  if (context) parts.push(`[${context}]`);
  const req = record(log.req);
  const res = record(log.res);
  const message = text(log[messageKey]) ?? '';
  if (req && res) {
    const errorCode = text(log.errorCode);
    parts.push(
      `${scalar(req.method)} ${scalar(req.url)} → ${scalar(res.statusCode)}` +
        `${errorCode ? ` ${errorCode}` : ''} (${scalar(log.responseTime)} ms)`,
    );
  } else if (message) {
    parts.push(message);
  }
  const requestId = text(log.requestId);
  if (requestId && !message.includes(requestId)) parts.push(`(requestId ${requestId})`);
  return parts.join(' ').replace(UNSAFE, ' ');
}

/**
 * Lines for a person at a terminal: ICT time, level, message. Written synchronously in this
 * thread, so the last lines before an exit (a busy port, a fatal error) are not lost.
 */
export function prettyLogStream(destination: number | NodeJS.WritableStream = 1): DestinationStream {
  return PinoPretty({
    destination,
    sync: true,
    messageKey: 'message',
    translateTime: false,
    ignore: ['pid', 'hostname', ...REQUEST_FIELDS].join(','),
    customPrettifiers: { time: (time) => formatLogTime(time) },
    messageFormat: (log, key) => formatLogMessage(log, key),
  });
}
