import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPdfText } from '@eiso/pdf/testing';
import { buildDocx, buildXlsx } from '../../../../test/support/docx';
import { defaultFinder } from './choose-converter';
import { ConversionError } from './document-converter';
import { SofficeConverter } from './soffice.converter';

const soffice = defaultFinder('soffice') ?? defaultFinder('libreoffice');
if (!soffice) {
  console.warn(
    'SofficeConverter: bỏ qua — không tìm thấy soffice hay libreoffice trên PATH (.ci/run cài chúng).',
  );
}

/** Each letter form of Vietnamese: the tones on every vowel, đ, and the stacked ones (ặ, ỹ, ữ). */
const PHRASES = [
  'Thời hạn giải quyết: 05 ngày làm việc — Đắk Hà, Kon Tum; ỹ ữ ặ',
  'Quy trình tiếp nhận hồ sơ thủ tục hành chính',
  'à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ è é ẻ ẽ ẹ ê ề ế ể ễ ệ ì í ỉ ĩ ị',
  'ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ đ Đ',
];
const TABLE = [
  ['Bước', 'Nội dung công việc', 'Trách nhiệm'],
  ['1', 'Kiểm tra hồ sơ', 'Bộ phận Một cửa'],
];

const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith('eiso-soffice-'));

/** soffice processes still running whose command line names one of this run's folders. */
function sofficeProcesses(): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((line) => /soffice/.test(line) && line.includes('eiso-soffice-'));
}

(soffice ? describe : describe.skip)('SofficeConverter (LibreOffice on this machine)', () => {
  const converter = new SofficeConverter(soffice!);
  const before = new Set(leftovers());

  afterAll(() => {
    expect(leftovers().filter((name) => !before.has(name))).toEqual([]);
  });

  it('turns a Word document into a PDF whose text keeps every Vietnamese letter and the table', async () => {
    const docx = await buildDocx(PHRASES, TABLE);
    const started = performance.now();
    const pdf = await converter.convert(
      { bytes: docx, fileName: 'Quy trình.docx', extension: 'docx' },
      60_000,
    );
    console.log(`soffice: .docx → PDF in ${Math.round(performance.now() - started)} ms`);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await extractPdfText(pdf, { layout: true });
    for (const phrase of PHRASES) expect(text).toContain(phrase);
    // A row of the table reads left to right on one line.
    expect(text).toMatch(/Bước\s+Nội dung công việc\s+Trách nhiệm/);
    expect(text).toMatch(/1\s+Kiểm tra hồ sơ\s+Bộ phận Một cửa/);
  });

  it('turns an Excel workbook into a PDF of its cells', async () => {
    const xlsx = await buildXlsx([
      ['Mã hồ sơ', 'Tên thủ tục', 'Số ngày'],
      ['HS-001', 'Cấp giấy phép xây dựng', 15],
    ]);
    const started = performance.now();
    const pdf = await converter.convert(
      { bytes: xlsx, fileName: 'so-theo-doi.xlsx', extension: 'xlsx' },
      60_000,
    );
    console.log(`soffice: .xlsx → PDF in ${Math.round(performance.now() - started)} ms`);
    const text = await extractPdfText(pdf, { layout: true });
    expect(text).toMatch(/Mã hồ sơ\s+Tên thủ tục\s+Số ngày/);
    expect(text).toMatch(/HS-001\s+Cấp giấy phép xây dựng\s+15/);
  });

  it('runs conversions one at a time, each to its own PDF', async () => {
    const [first, second] = await Promise.all(
      ['Văn bản thứ nhất', 'Văn bản thứ hai'].map(async (title) =>
        converter.convert({ bytes: await buildDocx([title]), fileName: 'a.docx', extension: 'docx' }, 60_000),
      ),
    );
    expect(await extractPdfText(first)).toContain('Văn bản thứ nhất');
    expect(await extractPdfText(second)).toContain('Văn bản thứ hai');
  });

  it('kills LibreOffice past the deadline, leaving no process and no folder behind', async () => {
    const docx = await buildDocx(PHRASES);
    const error = await converter
      .convert({ bytes: docx, fileName: 'a.docx', extension: 'docx' }, 50)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversionError);
    expect(error).toMatchObject({
      timedOut: true,
      message: 'Chuyển tệp sang PDF quá 1 giây nên đã bị dừng.',
    });
    expect(sofficeProcesses()).toEqual([]);
    expect(leftovers().filter((name) => !before.has(name))).toEqual([]);
    // The queue goes on after a killed conversion.
    const pdf = await converter.convert({ bytes: docx, fileName: 'a.docx', extension: 'docx' }, 60_000);
    expect(await extractPdfText(pdf)).toContain(PHRASES[0]);
  });

  it('refuses random bytes named .docx, and a damaged package, with a ConversionError', async () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    await expect(
      converter.convert({ bytes: random, fileName: 'a.docx', extension: 'docx' }, 60_000),
    ).rejects.toMatchObject({
      name: 'ConversionError',
      timedOut: false,
      message: expect.stringMatching(/\.docx/),
    });
    // A ZIP signature with junk after it gets as far as LibreOffice, which cannot load it.
    const damaged = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), random]);
    const error = await converter
      .convert({ bytes: damaged, fileName: 'a.docx', extension: 'docx' }, 60_000)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversionError);
    expect(error).toMatchObject({
      timedOut: false,
      message: 'Không chuyển được tệp sang PDF: tệp bị hỏng hoặc định dạng không được hỗ trợ.',
    });
    expect(String((error as ConversionError).cause)).toMatch(/no PDF/);
  });
});

/** Stand-ins for soffice (shell scripts): how the converter treats a process, whatever LibreOffice does. */
describe('SofficeConverter (process handling)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eiso-fake-soffice-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const script = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };
  const docx = { bytes: Buffer.from('PK\x03\x04', 'latin1'), fileName: 'a.docx', extension: 'docx' };
  const running = (marker: string) =>
    execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(marker));

  it('kills the whole process group at the deadline, grandchildren included', async () => {
    // Like soffice → oosplash → soffice.bin: the script waits on a child that holds its output.
    const marker = '4242.5';
    const hang = script('hang', `sleep ${marker} &\nwait`);
    const started = performance.now();
    const error = await new SofficeConverter(hang).convert(docx, 300).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConversionError', timedOut: true });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(running(marker)).toEqual([]);
  });

  it('fails a run that exits without a PDF, with its output kept for the log', async () => {
    const silent = script('silent', 'echo "Error: source file could not be loaded" >&2');
    const error = await new SofficeConverter(silent).convert(docx, 5_000).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConversionError', timedOut: false });
    expect(String((error as ConversionError).cause)).toBe(
      'soffice exit 0, no PDF\nError: source file could not be loaded',
    );
  });

  it('says LibreOffice cannot run when the program is gone', async () => {
    await expect(new SofficeConverter(join(dir, 'missing')).convert(docx, 5_000)).rejects.toMatchObject({
      name: 'ConversionError',
      message: 'Không chạy được LibreOffice trên máy chủ để chuyển tài liệu sang PDF.',
    });
  });
});
