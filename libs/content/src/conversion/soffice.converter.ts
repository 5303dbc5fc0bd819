import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConversionError,
  ConversionInput,
  CONVERSION_MESSAGES,
  DocumentConverter,
  sourceFileName,
} from './document-converter';

/** How much of soffice's output is kept for the log when a conversion fails. */
const OUTPUT_TAIL_CHARS = 2_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  output: string;
}

/**
 * Converts with a LibreOffice installed on this machine (`soffice --headless --convert-to pdf`).
 * soffice is heavy and one instance per profile at a time, so a process runs its conversions one
 * after the other; each gets a fresh temporary folder holding the file, the PDF and its own
 * LibreOffice profile, so a conversion killed half-way leaves no lock or broken profile behind.
 * Measured with LibreOffice 7.4 on 2 cores: a one-page .docx takes ~1.7 s with a fresh profile and
 * with a reused one alike (a plain-text file: 1.4 s against 1.1 s), so nothing is worth sharing.
 */
export class SofficeConverter extends DocumentConverter {
  readonly kind = 'soffice';
  readonly description: string;
  /** The tail of the queue: the last conversion started, settled or not. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly binary: string) {
    super();
    this.description = `LibreOffice cục bộ (${binary})`;
  }

  /** The deadline counts from the moment this conversion's turn comes, not from the call. */
  convert(input: ConversionInput, timeoutMs: number): Promise<Buffer> {
    const turn = this.queue.then(() => this.convertNow(input, timeoutMs));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async convertNow(input: ConversionInput, timeoutMs: number): Promise<Buffer> {
    const name = sourceFileName(input);
    const dir = await mkdtemp(join(tmpdir(), 'eiso-soffice-'));
    try {
      const source = join(dir, name);
      await writeFile(source, input.bytes);
      const run = await this.run(
        [
          '--headless',
          '--norestore',
          '--nolockcheck',
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          source,
        ],
        timeoutMs,
      );
      if (run.timedOut) {
        throw new ConversionError(CONVERSION_MESSAGES.timedOut(Math.ceil(timeoutMs / 1000)), true, {
          cause: `soffice killed after ${timeoutMs} ms\n${run.output}`,
        });
      }
      const pdf = await readFile(join(dir, name.replace(/\.[^.]+$/, '.pdf'))).catch(() => undefined);
      if (run.code !== 0 || !pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new ConversionError(CONVERSION_MESSAGES.failed, false, {
          cause: `soffice exit ${run.code ?? run.signal}, ${pdf ? `${pdf.length} bytes` : 'no PDF'}\n${run.output}`,
        });
      }
      return pdf;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Runs soffice in a process group of its own (the `soffice` script starts `oosplash`, which starts
   * `soffice.bin`): on the deadline the whole group is killed. The promise settles on `close`, once
   * every process holding the output pipes (all three) has exited, so the folder can go.
   */
  private run(args: string[], timeoutMs: number): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      const keep = (chunk: Buffer) => {
        output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child.pid);
      }, timeoutMs);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(
          new ConversionError(CONVERSION_MESSAGES.sofficeUnavailable, false, {
            cause: new Error(`soffice (${this.binary}) could not start`, { cause: error }),
          }),
        );
      });
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, timedOut, output: output.trim() });
      });
    });
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group has already exited.
  }
}
