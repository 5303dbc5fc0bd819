import { request } from 'node:http';
import { AddressInfo } from 'node:net';
import { Role } from '@eiso/common';
import { objectKeys } from '../support/s3-objects';
import { createTestContext, TestContext, TestUser } from '../support/test-app';
import { samplePdf } from '../support/files';

/** A client that hangs up mid-upload leaves no file row and no object (DESIGN §4). */
describe('upload interrupted by the client', () => {
  let ctx: TestContext;
  let drafter: TestUser;

  beforeAll(async () => {
    ctx = await createTestContext({ S3_PART_SIZE_MB: '5' });
    const agency = await ctx.newAgency();
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id });
  });
  afterAll(() => ctx.close());

  const objectCount = async (prefix: string): Promise<number> =>
    (await objectKeys(ctx.config, prefix)).length;

  it('aborts the storage upload after several parts and writes nothing', async () => {
    const created = await ctx
      .http()
      .post('/api/v1/documents')
      .set('Authorization', drafter.auth)
      .send({ code: 'QT-NGAT-01', title: 'Quy trình thử ngắt kết nối', type: 'procedure' });
    const doc = created.body as { id: string; agencyId: string; currentVersion: { id: string } };
    const server = ctx.app.getHttpServer() as { address(): AddressInfo | null; listen(port: number): void };
    if (!server.address()) server.listen(0);
    const port = server.address()!.port;
    const boundary = 'eiso-abort-test';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nprimary\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ngat.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n`,
    );
    const pdf = await samplePdf('ngat');
    const announced = 40 * 1024 * 1024;
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/documents/${doc.id}/versions/${doc.currentVersion.id}/files`,
        headers: {
          authorization: drafter.auth,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + announced,
        },
      });
      req.on('error', () => resolve());
      req.write(head);
      req.write(pdf);
      // 12 MiB: more than two parts have gone to storage when the client hangs up.
      const chunk = Buffer.alloc(1024 * 1024, 7);
      let sent = 0;
      const pump = (): void => {
        while (sent < 12) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 300);
      };
      pump();
    });
    // The server notices the hang-up, aborts the multipart upload and answers nobody.
    const deadline = Date.now() + 10_000;
    let rows: unknown[] = [];
    let objects = -1;
    while (Date.now() < deadline) {
      rows = await ctx.sql(
        `SELECT id FROM attachment WHERE subject_type = 'document_version' AND subject_id = $1`,
        [doc.currentVersion.id],
      );
      objects = await objectCount(`agency/${doc.agencyId}/documents/${doc.id}/`);
      if (rows.length === 0 && objects === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(rows).toEqual([]);
    expect(objects).toBe(0);

    // And the version still takes a proper upload afterwards.
    const ok = await ctx
      .http()
      .post(`/api/v1/documents/${doc.id}/versions/${doc.currentVersion.id}/files`)
      .set('Authorization', drafter.auth)
      .field('kind', 'primary')
      .attach('file', pdf, 'dung.pdf');
    expect(ok.status).toBe(201);
  });
});
