import { Client } from 'minio';
import { AppConfig } from '@eiso/config';

/** The keys under `prefix` in the app's bucket, read straight from the S3 server. */
export async function objectKeys(config: AppConfig, prefix: string): Promise<string[]> {
  const url = new URL(config.S3_ENDPOINT!);
  const client = new Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: url.protocol === 'https:',
    accessKey: config.S3_ACCESS_KEY!,
    secretKey: config.S3_SECRET_KEY!,
    pathStyle: true,
  });
  const keys: string[] = [];
  for await (const item of client.listObjectsV2(config.S3_BUCKET!, prefix, true) as AsyncIterable<{
    name: string;
  }>) {
    keys.push(item.name);
  }
  return keys;
}
