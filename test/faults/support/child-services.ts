import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../../support/process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once something accepts TCP connections on 127.0.0.1:port; bounded. */
export async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

/**
 * A service run as a child process that a fault test kills (SIGKILL), freezes (SIGSTOP), thaws
 * (SIGCONT) and starts again on the same port.
 */
export class ChildService {
  private child: ChildProcess | null = null;
  private log = '';

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly command: () => { file: string; args: string[]; env?: Record<string, string> },
  ) {}

  output(): string {
    return this.log;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const { file, args, env } = this.command();
    const child = spawn(file, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString('utf8')));
    this.child = child;
    await waitForPort(this.port).catch((error: Error) => {
      throw new Error(`${this.name}: ${error.message}\n${this.log}`);
    });
  }

  /** SIGKILL, then waits for the exit (bounded). */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(5_000)]);
  }

  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  thaw(): void {
    this.child?.kill('SIGCONT');
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }
}

/** `redis-server` on its own loopback port, nothing persisted. */
export function redisService(port: number): ChildService {
  const binary = execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
  return new ChildService('redis-server', port, () => ({
    file: binary,
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  }));
}

/** s3rver's built-in account. */
export const S3RVER_CREDENTIAL = 'S3RVER';

// The child: s3rver on argv[1] (port), keeping its buckets in argv[2] across restarts.
const S3RVER_MAIN = `
const S3rver = require('s3rver');
const [port, directory] = process.argv.slice(1);
new S3rver({ address: '127.0.0.1', port: Number(port), directory, silent: true, resetOnClose: false })
  .run()
  .then(() => console.log('s3rver ready on ' + port))
  .catch((error) => { console.error(error); process.exit(1); });
`;

/** s3rver as a child process on `port`, keeping its objects in a directory of its own across restarts. */
export function s3rverService(
  port: number,
): ChildService & { directory: string; objects(): string[]; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'eiso-faults-s3-'));
  const service = new ChildService('s3rver', port, () => ({
    file: process.execPath,
    args: ['-e', S3RVER_MAIN, String(port), directory],
    env: { NODE_PATH: join(ROOT, 'node_modules') },
  }));
  return Object.assign(service, {
    directory,
    /** The keys of every object stored, in every bucket, as `bucket/key`. */
    objects(): string[] {
      return listFiles(directory)
        .filter((file) => file.endsWith('._S3rver_object'))
        .map((file) => relative(directory, file).slice(0, -'._S3rver_object'.length));
    },
    remove(): void {
      rmSync(directory, { recursive: true, force: true });
    },
  });
}

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    try {
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    } catch {
      return [];
    }
  });
}
