import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import helmet from 'helmet';
import { AppConfig } from '@eiso/config';
import { helmetOptions, servedOverHttps } from './security-headers';

/** The Content-Security-Policy a real server under these options sends. */
async function policyFor(publicBaseUrl: string | undefined): Promise<string[]> {
  const config = Object.assign(new AppConfig(), { PUBLIC_BASE_URL: publicBaseUrl });
  const secure = helmet(helmetOptions(config));
  const server: Server = createServer((req, res) => secure(req, res, () => res.end('ok')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/docs`);
    return (res.headers.get('content-security-policy') ?? '').split(';');
  } finally {
    server.close();
  }
}

describe('security headers', () => {
  it('asks browsers to upgrade to https only when PUBLIC_BASE_URL is https', async () => {
    expect(await policyFor('https://eiso.kontum.gov.vn')).toContain('upgrade-insecure-requests');
    expect(await policyFor('HTTPS://eiso.kontum.gov.vn/eiso')).toContain('upgrade-insecure-requests');
    for (const url of [undefined, 'http://192.168.1.10:3000', 'http://eiso.local']) {
      expect(await policyFor(url)).not.toContain('upgrade-insecure-requests');
    }
  });

  it('keeps the rest of the policy either way: own scripts (Swagger UI inline), no plugins', async () => {
    for (const url of [undefined, 'https://eiso.kontum.gov.vn']) {
      const policy = await policyFor(url);
      expect(policy).toEqual(
        expect.arrayContaining([
          "default-src 'self'",
          "script-src 'self' 'unsafe-inline'",
          "object-src 'none'",
        ]),
      );
    }
  });

  it('reads https from the scheme of PUBLIC_BASE_URL only', () => {
    const config = (url?: string) => Object.assign(new AppConfig(), { PUBLIC_BASE_URL: url });
    expect(servedOverHttps(config('https://eiso.vn'))).toBe(true);
    expect(servedOverHttps(config('http://https.eiso.vn'))).toBe(false);
    expect(servedOverHttps(config())).toBe(false);
  });
});
