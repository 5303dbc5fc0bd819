import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type { Response } from 'supertest';

/** Fires `n` requests at once (each built by `send(i)`) and waits for every answer. */
export function race(n: number, send: (i: number) => PromiseLike<Response>): Promise<Response[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => send(i)));
}

/**
 * Like `race`, but holds every write to `table` until `waiters` requests (or as many as the pool
 * lets in) have read what they check and wait to write: the race a check-then-insert loses on a
 * busy server, made certain rather than likely. Reads of the table go on meanwhile.
 */
export async function raceAtTableLock(
  databaseUrl: string,
  table: string,
  n: number,
  send: (i: number) => PromiseLike<Response>,
  waiters = 3,
): Promise<Response[]> {
  const gate = new Client({ connectionString: databaseUrl });
  await gate.connect();
  try {
    await gate.query('BEGIN');
    await gate.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
    const responses = race(n, send);
    // Until enough writers queue, or their number has settled (a lock taken earlier can let
    // only one through at a time: that path serializes itself).
    const deadline = Date.now() + 10_000;
    let seen = 0;
    let settledSince = Date.now();
    for (;;) {
      const [{ waiting }] = (
        await gate.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted AND relation = $1::regclass`,
          [table],
        )
      ).rows;
      if (waiting !== seen) [seen, settledSince] = [waiting, Date.now()];
      if (waiting >= waiters || (waiting > 0 && Date.now() - settledSince > 500)) break;
      if (Date.now() > deadline) break;
      await sleep(20);
    }
    await gate.query('COMMIT');
    return await responses;
  } finally {
    await gate.end();
  }
}

const outcome = (r: Response): string =>
  r.status >= 200 && r.status < 300 ? '2xx' : `${r.status} ${(r.body as { code?: string })?.code}`;

/**
 * What a unique constraint must make of a race: exactly one request wins, every other one answers
 * 409 with the constraint's code and the uniform error body, and none answers 5xx.
 */
export function expectOneWinner(responses: Response[], loserCode: string): Response {
  const outcomes = responses.map(outcome).sort();
  expect(outcomes).toEqual(['2xx', ...Array<string>(responses.length - 1).fill(`409 ${loserCode}`)]);
  for (const loser of responses.filter((r) => r.status === 409)) {
    expect(loser.body).toEqual(
      expect.objectContaining({ message: expect.any(String), requestId: expect.any(String) }),
    );
  }
  return responses.find((r) => r.status >= 200 && r.status < 300)!;
}
