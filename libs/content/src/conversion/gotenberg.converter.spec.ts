import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import busboy from 'busboy';
import { PDFDocument } from 'pdf-lib';
import { ConversionError } from './document-converter';
import { GotenbergConverter } from './gotenberg.converter';

interface ReceivedPart {
  field: string;
  fileName: string;
  bytes: Buffer;
}

/** Reads the multipart form Gotenberg's LibreOffice route takes. */
function readParts(req: IncomingMessage): Promise<ReceivedPart[]> {
  return new Promise((resolve, reject) => {
    const parts: ReceivedPart[] = [];
    const form = busboy({ headers: req.headers });
    form.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () =>
        parts.push({ field, fileName: info.filename ?? '', bytes: Buffer.concat(chunks) }),
      );
    });
    form.on('close', () => resolve(parts));
    form.on('error', reject);
    req.pipe(form);
  });
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A stand-in for Gotenberg on 127.0.0.1, answering with `handler`. */
async function fakeGotenberg(handler: Handler): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const input = {
  bytes: Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('nội dung của tệp Word')]),
  fileName: 'Quy trình tiếp nhận hồ sơ (bản 2).docx',
  extension: 'docx',
};

describe('GotenbergConverter', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  const start = async (handler: Handler) => {
    const fake = await fakeGotenberg(handler);
    servers.push(fake.server);
    return fake.url;
  };

  it("posts the file as `files`, named source.docx, to the LibreOffice route and returns Gotenberg's PDF", async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const pdf = Buffer.from(await doc.save());
    const seen: { method?: string; path?: string; parts?: ReceivedPart[] } = {};
    const url = await start(async (req, res) => {
      seen.method = req.method;
      seen.path = req.url;
      seen.parts = await readParts(req);
      res.writeHead(200, { 'Content-Type': 'application/pdf', 'Gotenberg-Trace': 'trace-1' }).end(pdf);
    });
    const converter = new GotenbergConverter(`${url}/`);
    expect(converter.description).toBe(`Gotenberg tại ${url}`);
    expect(converter.kind).toBe('gotenberg');

    const result = await converter.convert(input, 5_000);

    expect(result.equals(pdf)).toBe(true);
    expect(seen.method).toBe('POST');
    expect(seen.path).toBe('/forms/libreoffice/convert');
    expect(seen.parts).toEqual([{ field: 'files', fileName: 'source.docx', bytes: input.bytes }]);
  });

  it('answers a ConversionError with the status when Gotenberg fails, its text kept for the log', async () => {
    const url = await start((_req, res) => {
      _req.resume();
      res
        .writeHead(500, { 'Content-Type': 'text/plain', 'Gotenberg-Trace': 'trace-500' })
        .end('LibreOffice failed to process a document');
    });
    const error = await new GotenbergConverter(url).convert(input, 5_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversionError);
    expect(error).toMatchObject({
      timedOut: false,
      message: 'Dịch vụ chuyển đổi tài liệu sang PDF (Gotenberg) trả lỗi HTTP 500.',
    });
    expect(String((error as ConversionError).cause)).toBe(
      'HTTP 500 (Gotenberg-Trace trace-500): LibreOffice failed to process a document',
    );
  });

  it('refuses an answer that is not a PDF', async () => {
    const url = await start((req, res) => {
      req.resume();
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>proxy</html>');
    });
    await expect(new GotenbergConverter(url).convert(input, 5_000)).rejects.toMatchObject({
      name: 'ConversionError',
      message: 'Dịch vụ chuyển đổi tài liệu sang PDF (Gotenberg) không trả về tệp PDF.',
    });
  });

  it('gives up at the deadline when Gotenberg never answers', async () => {
    const url = await start((req) => {
      req.resume();
    });
    const started = performance.now();
    const error = await new GotenbergConverter(url).convert(input, 200).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversionError);
    expect(error).toMatchObject({
      timedOut: true,
      message: 'Chuyển tệp sang PDF quá 1 giây nên đã bị dừng.',
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('says so when nothing listens at GOTENBERG_URL', async () => {
    const { url, server } = await fakeGotenberg(() => undefined);
    await new Promise((resolve) => server.close(resolve));
    await expect(new GotenbergConverter(url).convert(input, 5_000)).rejects.toMatchObject({
      name: 'ConversionError',
      timedOut: false,
      message: 'Không kết nối được dịch vụ chuyển đổi tài liệu sang PDF (Gotenberg).',
    });
  });

  it('sends nothing for bytes that are not of the named format', async () => {
    let called = false;
    const url = await start((_req, res) => {
      called = true;
      res.end();
    });
    await expect(
      new GotenbergConverter(url).convert({ ...input, bytes: Buffer.from('not a zip') }, 5_000),
    ).rejects.toMatchObject({ name: 'ConversionError', message: expect.stringMatching(/\.docx/) });
    expect(called).toBe(false);
  });
});
