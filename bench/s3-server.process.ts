import { startS3Server } from '../test/support/s3-server';

/** s3rver in a process of its own, so that neither upload path shares its event loop with the server. */
async function main(): Promise<void> {
  const server = await startS3Server();
  process.stdout.write(
    `${JSON.stringify({ endpoint: server.endpoint, accessKey: server.accessKey, secretKey: server.secretKey })}\n`,
  );
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
}

void main();
