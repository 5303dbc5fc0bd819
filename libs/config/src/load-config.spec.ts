import { ConfigValidationError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('runs the embedded profile when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.profile).toBe('embedded');
    expect(config.PORT).toBe(3000);
    expect(config.MAX_UPLOAD_MB).toBe(100);
    expect(config.usesEmbeddedDatabase).toBe(true);
  });

  it('reads the services profile and converts numbers', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://eiso@db:5432/eiso',
      REDIS_URL: 'redis://redis:6379',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY: 'eiso-key',
      S3_SECRET_KEY: 'eiso-secret',
      S3_BUCKET: 'eiso-files',
      JWT_SECRET: 'x'.repeat(40),
      PORT: '8080',
    });
    expect(config.profile).toBe('services');
    expect(config.PORT).toBe(8080);
  });

  it('believes no proxy unless TRUST_PROXY names one, and allows an office behind one NAT address', () => {
    const config = loadConfig({});
    expect(config.trustedProxies).toEqual([]);
    expect(config.LOGIN_RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(
      loadConfig({ TRUST_PROXY: ' 10.0.0.5, 10.1.0.0/16,fd00::/8 ,::1, loopback' }).trustedProxies,
    ).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', '::1', 'loopback']);
  });

  it('refuses a TRUST_PROXY that would believe any client', () => {
    for (const value of ['true', '1', '*', '10.0.0.0/33', 'proxy.local', '10.0.0.1/8/8', ',']) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    }
  });

  it('gives a stop 10 seconds by default, and takes SHUTDOWN_TIMEOUT_MS in milliseconds', () => {
    expect(loadConfig({}).SHUTDOWN_TIMEOUT_MS).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '1500' }).SHUTDOWN_TIMEOUT_MS).toBe(1_500);
    for (const bad of ['10s', '0', '-1', '600001']) {
      expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: bad })).toThrow(
        /SHUTDOWN_TIMEOUT_MS: SHUTDOWN_TIMEOUT_MS phải/,
      );
    }
  });

  it('converts to PDF for 120 seconds at most by default, and takes Gotenberg or a LibreOffice path', () => {
    const config = loadConfig({});
    expect(config.CONVERSION_TIMEOUT_MS).toBe(120_000);
    expect(config.GOTENBERG_URL).toBeUndefined();
    expect(config.SOFFICE_PATH).toBeUndefined();
    const set = loadConfig({
      GOTENBERG_URL: 'http://gotenberg:3000',
      SOFFICE_PATH: '/opt/libreoffice/program/soffice',
      CONVERSION_TIMEOUT_MS: '30000',
    });
    expect(set.GOTENBERG_URL).toBe('http://gotenberg:3000');
    expect(set.SOFFICE_PATH).toBe('/opt/libreoffice/program/soffice');
    expect(set.CONVERSION_TIMEOUT_MS).toBe(30_000);
    for (const bad of ['2m', '999', '600001']) {
      expect(() => loadConfig({ CONVERSION_TIMEOUT_MS: bad })).toThrow(
        /CONVERSION_TIMEOUT_MS: CONVERSION_TIMEOUT_MS phải/,
      );
    }
    for (const bad of ['gotenberg:3000', 'ftp://gotenberg', 'http://']) {
      expect(() => loadConfig({ GOTENBERG_URL: bad })).toThrow(/GOTENBERG_URL: GOTENBERG_URL phải/);
    }
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', S3_ENDPOINT: 'http://minio:9000' });
      throw new Error('expected a ConfigValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigValidationError);
      const problems = (e as ConfigValidationError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/S3_BUCKET/);
      expect(problems).toMatch(/JWT_SECRET/);
    }
  });
});
