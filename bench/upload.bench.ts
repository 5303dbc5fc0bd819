import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Client } from 'minio';
import { createDatabase, json, migrate, runBench, startApi, startS3Process } from './stack';

/**
 * `npm run bench:upload`: 500 MB through the API (multipart → busboy → S3 driver → s3rver) against
 * the same bytes sent straight to the same s3rver with the minio client, part by part as the driver
 * does. Prints both throughputs, their ratio and the API process's peak RSS growth.
 */
const SIZE_MB = Number(process.env.BENCH_UPLOAD_MB ?? 500);
const SIZE = SIZE_MB * 1024 * 1024;
const PART_MB = 8;
const BLOCK = randomBytes(1024 * 1024);

/** The same pseudo-file for both paths: 1 MiB blocks, each made unique by its index. */
function* blocks(total: number): Generator<Buffer> {
  for (let sent = 0, i = 0; sent < total; i++) {
    const block = Buffer.from(BLOCK);
    block.writeUInt32BE(i, 16);
    // Starts like a PDF so that the upload passes the media-type allowlist.
    if (i === 0) block.write('%PDF-1.7\n%\u00e2\u00e3\n', 0, 'latin1');
    const n = Math.min(block.length, total - sent);
    sent += n;
    yield n === block.length ? block : block.subarray(0, n);
  }
}

function rssOf(pid: number): number {
  let status = '';
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    throw new Error(`the API process ${pid} is gone`);
  }
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

/** Streams a multipart body of `size` bytes to the upload route; resolves with the elapsed seconds. */
function uploadThroughApi(url: string, token: string): Promise<number> {
  const boundary = `eiso-bench-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nattachment\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.bin"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + SIZE + tail.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 201)
            return reject(new Error(`upload → ${res.statusCode} ${Buffer.concat(chunks).toString()}`));
          resolve(Number(process.hrtime.bigint() - started) / 1e9);
        });
      },
    );
    req.on('error', reject);
    Readable.from(
      (function* () {
        yield head;
        yield* blocks(SIZE);
        yield tail;
      })(),
    ).pipe(req);
  });
}

/** The baseline: the minio client, one part at a time, no API in between. */
async function uploadDirect(client: Client, bucket: string): Promise<number> {
  const key = `bench/direct-${Date.now()}`;
  const started = process.hrtime.bigint();
  const uploadId = await client.initiateNewMultipartUpload(bucket, key, {});
  const parts: { part: number; etag: string }[] = [];
  let buffer: Buffer[] = [];
  let buffered = 0;
  const flush = async (): Promise<void> => {
    const part = parts.length + 1;
    const body = Buffer.concat(buffer, buffered);
    const { etag } = await client.uploadPart(
      {
        bucketName: bucket,
        objectName: key,
        uploadID: uploadId,
        partNumber: part,
        headers: { 'Content-Length': String(body.length) },
      },
      body,
    );
    parts.push({ part, etag });
    buffer = [];
    buffered = 0;
  };
  for (const block of blocks(SIZE)) {
    buffer.push(block);
    buffered += block.length;
    if (buffered >= PART_MB * 1024 * 1024) await flush();
  }
  if (buffered) await flush();
  await client.completeMultipartUpload(bucket, key, uploadId, parts);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

runBench(async (ctx) => {
  const s3 = await startS3Process(ctx);
  const databaseUrl = await createDatabase(ctx, 'eiso_bench');
  const bucket = 'eiso-bench';
  const api = await startApi(ctx, {
    databaseUrl,
    s3,
    env: {
      S3_BUCKET: bucket,
      S3_PART_SIZE_MB: String(PART_MB),
      EISO_ADMIN_PASSWORD: 'Bench-Admin-2026',
      MAX_UPLOAD_MB: String(SIZE_MB + 10),
    },
  });
  // The API runs migrations only on the embedded profile; here the migration command does.
  migrate(databaseUrl);
  const base = api.base;
  await api.ready();
  const { accessToken: adminToken } = await json<{ accessToken: string }>(
    'POST',
    `${base}/api/v1/auth/login`,
    { username: 'admin', password: 'Bench-Admin-2026' },
  );
  const agency = await json<{ id: string }>(
    'POST',
    `${base}/api/v1/agencies`,
    { name: 'Sở Khoa học và Công nghệ', level: 'province_department', roadmapYear: 2025 },
    adminToken,
  );
  await json(
    'POST',
    `${base}/api/v1/users`,
    {
      username: 'bench.drafter',
      fullName: 'Người đo',
      password: 'Bench-Drafter-1',
      agencyId: agency.id,
      roles: ['drafter'],
    },
    adminToken,
  );
  const first = await json<{ accessToken: string }>('POST', `${base}/api/v1/auth/login`, {
    username: 'bench.drafter',
    password: 'Bench-Drafter-1',
  });
  // The administrator's password is temporary: the drafter sets their own first.
  const { accessToken } = await json<{ accessToken: string }>(
    'POST',
    `${base}/api/v1/me/password`,
    { currentPassword: 'Bench-Drafter-1', newPassword: 'Bench-Drafter-2' },
    first.accessToken,
  );
  const doc = await json<{ id: string; currentVersion: { id: string } }>(
    'POST',
    `${base}/api/v1/documents`,
    { code: 'BENCH-01', title: 'Tệp đo tốc độ tải lên', type: 'form' },
    accessToken,
  );
  const uploadUrl = `${base}/api/v1/documents/${doc.id}/versions/${doc.currentVersion.id}/files`;

  const pid = api.process.child.pid!;
  const baseline = rssOf(pid);
  let peak = baseline;
  const sampler = setInterval(() => {
    if (api.process.child.exitCode === null) peak = Math.max(peak, rssOf(pid));
  }, 25);
  const apiSeconds = await uploadThroughApi(uploadUrl, accessToken).finally(() => clearInterval(sampler));
  peak = Math.max(peak, rssOf(pid));

  const url = new URL(s3.endpoint);
  const minio = new Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: false,
    accessKey: s3.accessKey,
    secretKey: s3.secretKey,
    pathStyle: true,
  });
  const directSeconds = await uploadDirect(minio, bucket);

  const apiMbps = SIZE_MB / apiSeconds;
  const directMbps = SIZE_MB / directSeconds;
  const ratio = apiMbps / directMbps;
  const growth = (peak - baseline) / 1024 / 1024;
  process.stdout.write(
    `Tải lên qua API: ${SIZE_MB} MB trong ${apiSeconds.toFixed(2)} s (${apiMbps.toFixed(1)} MB/s)\n`,
  );
  process.stdout.write(
    `Tải thẳng lên S3 (minio): ${SIZE_MB} MB trong ${directSeconds.toFixed(2)} s (${directMbps.toFixed(1)} MB/s)\n`,
  );
  process.stdout.write(
    `RSS của tiến trình API: ${(baseline / 1048576).toFixed(0)} MB → đỉnh ${(peak / 1048576).toFixed(0)} MB\n`,
  );
  process.stdout.write(
    `bench:upload api_mbps=${apiMbps.toFixed(1)} direct_mbps=${directMbps.toFixed(1)} ratio=${ratio.toFixed(2)} rss_growth_mb=${growth.toFixed(1)}\n`,
  );
});
