/** How a close against a deadline ended (see closeWithin). */
export type CloseOutcome = 'closed' | 'cut' | 'stuck';

export interface CloseWithinOptions {
  /** How long the close may take before `cut` is called. */
  timeoutMs: number;
  /** Called once the time is up: ends what is still running (open sockets, say). */
  cut?: () => void;
  /** How long the close may still take after the cut; default 1 s. */
  graceMs?: number;
}

function after(ms: number): { elapsed: Promise<'late'>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  return { elapsed, cancel: () => clearTimeout(timer) };
}

/**
 * Runs a process's `close` against a deadline, so that a stop never waits forever on a client,
 * a slow request or a job. `closed`: it finished in time; `cut`: it finished once `cut` had ended
 * what was still running; `stuck`: it still had not finished `graceMs` after the cut (the caller
 * exits anyway). A close that fails rejects.
 */
export async function closeWithin(
  close: () => Promise<void>,
  options: CloseWithinOptions,
): Promise<CloseOutcome> {
  const closing = close().then(() => 'done' as const);
  const deadline = after(options.timeoutMs);
  const first = await Promise.race([closing, deadline.elapsed]);
  deadline.cancel();
  if (first === 'done') return 'closed';
  options.cut?.();
  const grace = after(options.graceMs ?? 1_000);
  // A close that fails after the caller gave up on it is no longer anyone's to report.
  closing.catch(() => undefined);
  const second = await Promise.race([closing, grace.elapsed]);
  grace.cancel();
  return second === 'done' ? 'cut' : 'stuck';
}
