import { ChildProcess, spawn } from 'node:child_process';

/** What the guardian needs to run the PostgreSQL server. */
export interface GuardianOptions {
  postgres: string;
  args: string[];
  env: Record<string, string>;
  uid?: number;
  gid?: number;
  /** File that takes the server's own output until its log collector starts. */
  startLog: string;
}

/** Appears in the guardian's command line, so a later start can tell a guarded server from an orphan. */
export const GUARDIAN_MARKER = 'eiso-postgres-guardian';

/**
 * Runs in a small Node process of its own (serialised with `toString()`, so it must be
 * self-contained): it starts the server and stops it — fast shutdown, then immediate — as soon as
 * its standard input closes. The API holds the other end of that pipe, and the kernel closes it
 * when the API ends in any way, SIGKILL included, so a PostgreSQL server never outlives the
 * process that needed it. It runs in its own process group, so a Ctrl-C meant for the API does not
 * stop the database under requests still being answered.
 */
export function guardPostgres(options: GuardianOptions): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const childProcess = require('node:child_process') as { spawn: typeof spawn };
  const fs = require('node:fs') as typeof import('node:fs');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const out = fs.openSync(options.startLog, 'w');
  const server: ChildProcess = childProcess.spawn(options.postgres, options.args, {
    env: options.env,
    stdio: ['ignore', out, out],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, a checkpoint is written.
    server.kill('SIGINT');
    setTimeout(() => server.kill('SIGQUIT'), 30_000).unref();
    setTimeout(() => server.kill('SIGKILL'), 40_000).unref();
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  server.on('error', (error: Error) => {
    fs.writeSync(out, `\n${error.message}\n`);
    process.exit(70);
  });
  server.on('exit', (code: number | null) => process.exit(code ?? 1));
}
