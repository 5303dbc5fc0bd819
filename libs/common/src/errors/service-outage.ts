/** A service around the API whose failure is an outage (503), not a bug (500). */
export type OutageService = 'database' | 'storage' | 'queue';

const SERVICE = Symbol.for('eiso.outageService');

/** PostgreSQL SQLSTATEs of a lost, refused or cancelled connection/statement (not of a bad query). */
const PG_OUTAGE_CODES = new Set(['57P01', '57P02', '57P03', '57014', '53300']);
/** What pg and pg-pool say when the server or the network stops answering. */
const PG_OUTAGE_MESSAGES = [
  'Query read timeout',
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
];
/** What ioredis and BullMQ say when Redis is down or stalled. */
const REDIS_OUTAGE_MESSAGES = [
  'Connection is closed.',
  'Command timed out',
  "Stream isn't writeable",
  'Reached the max retries per request limit',
];
/** Socket failures of any client: the peer is down, unreachable or silent. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** True for socket-level failures (refused, reset, timed out, unreachable). */
export function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}

/** Marks an error as the given service's outage; the HTTP filter answers it 503. Returns it. */
export function markOutage<E>(error: E, service: OutageService): E {
  if (typeof error === 'object' && error !== null && Object.isExtensible(error)) {
    Object.defineProperty(error, SERVICE, { value: service, enumerable: false, configurable: true });
  }
  return error;
}

function ownOutage(error: object): OutageService | null {
  const marked = (error as Record<symbol, unknown>)[SERVICE];
  if (marked === 'database' || marked === 'storage' || marked === 'queue') return marked;
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof code === 'string' && (PG_OUTAGE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
    return 'database';
  }
  if (name === 'MaxRetriesPerRequestError') return 'queue';
  if (typeof message === 'string') {
    if (PG_OUTAGE_MESSAGES.some((m) => message.startsWith(m))) return 'database';
    if (REDIS_OUTAGE_MESSAGES.some((m) => message.startsWith(m))) return 'queue';
  }
  return null;
}

/**
 * Which service's outage an error is, or null when it is none: a mark set where the error was
 * caught (markOutage), else its shape (a pg SQLSTATE or message, an ioredis message), looking
 * through TypeORM's `driverError` and `cause`.
 */
export function outageServiceOf(error: unknown): OutageService | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const found = ownOutage(current);
    if (found) return found;
    const next = current as { driverError?: unknown; cause?: unknown };
    current = next.driverError ?? next.cause;
  }
  return null;
}
