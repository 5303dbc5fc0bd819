import { startProcess } from '../support/process';

describe('configuration at boot', () => {
  it('stops the API with the list of every bad variable', async () => {
    const api = startProcess('dist/apps/api/src/main.js', {
      PORT: 'abc',
      DATABASE_URL: 'mysql://eiso@db/eiso',
      S3_ENDPOINT: 'http://minio:9000',
    });
    expect(await api.exited()).toBe(1);
    const output = api.output();
    expect(output).toContain('Cấu hình không hợp lệ');
    for (const variable of [
      'PORT',
      'DATABASE_URL',
      'S3_ACCESS_KEY',
      'S3_SECRET_KEY',
      'S3_BUCKET',
      'JWT_SECRET',
    ]) {
      expect(output).toContain(`${variable}:`);
    }
  });

  it('refuses to start the worker without the services profile', async () => {
    const worker = startProcess('dist/apps/worker/src/main.js', {});
    expect(await worker.exited()).toBe(1);
    expect(worker.output()).toContain('Tiến trình worker cần DATABASE_URL và REDIS_URL');
  });
});
