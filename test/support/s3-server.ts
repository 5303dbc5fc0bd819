import { mkdtemp, rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running s3rver: what a test needs to build a client, and how to stop it. */
export interface TestS3Server {
  /** e.g. `http://127.0.0.1:41234` */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  /** Where s3rver keeps buckets on disk, for tests that check nothing was left behind. */
  directory: string;
  stop(): Promise<void>;
}

/** The part of s3rver's API we use; the package ships no type declarations. */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  resetOnClose: boolean;
}) => S3rverInstance;

// s3rver accepts only its built-in account.
const S3RVER_CREDENTIAL = 'S3RVER';

/** Starts s3rver on a free loopback port with a fresh, private data directory. */
export async function startS3Server(): Promise<TestS3Server> {
  // Loaded untyped (no declarations exist), then described by S3rverConstructor above.
  const S3rver = createRequire(__filename)('s3rver') as S3rverConstructor;
  const directory = await mkdtemp(join(tmpdir(), 'eiso-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, resetOnClose: false });
  let address: AddressInfo;
  try {
    address = await server.run();
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKey: S3RVER_CREDENTIAL,
    secretKey: S3RVER_CREDENTIAL,
    directory,
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
