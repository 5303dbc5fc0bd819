import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { MediaType } from '@eiso/storage';
import { buildDocx, buildXlsx } from '../../../../test/support/docx';
import { TextState } from '../content-state';
import { MAX_TEXT_CHARS, readText, UnreadableContentError } from './read-text';

async function pdfWith(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 72, y: 760 - i * 20, size: 12, font }));
  return Buffer.from(await pdf.save());
}

async function scan(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([595, 842]);
    page.drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.4, 0.4, 0.4) });
  }
  return Buffer.from(await pdf.save());
}

describe('readText', () => {
  it("reads a PDF's text layer, page by page", async () => {
    const text = await readText({
      mediaType: MediaType.Pdf,
      bytes: await pdfWith(['Thoi han giai quyet: 05 ngay lam viec', 'Bo phan Mot cua']),
      rendition: null,
    });
    expect(text).toMatchObject({ state: TextState.Ready, pages: 1, error: null });
    expect(text.text).toContain('Thoi han giai quyet: 05 ngay lam viec');
    expect(text.text).toContain('Bo phan Mot cua');
  });

  it('marks a scanned PDF (no text layer) and an image: nothing to index, OCR is later', async () => {
    expect(await readText({ mediaType: MediaType.Pdf, bytes: await scan(3), rendition: null })).toEqual({
      state: TextState.NoTextLayer,
      text: null,
      pages: 3,
      error: null,
    });
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    expect((await readText({ mediaType: MediaType.Png, bytes: png, rendition: null })).state).toBe(
      TextState.NoTextLayer,
    );
  });

  it('reads a .docx without its rendition (no LibreOffice): paragraphs and table cells, every diacritic', async () => {
    const docx = await buildDocx(
      ['Thời hạn giải quyết: 05 ngày làm việc — Đắk Hà, Kon Tum; ỹ ữ ặ'],
      [
        ['Bước', 'Trách nhiệm'],
        ['Tiếp nhận hồ sơ', 'Công chức Một cửa'],
      ],
    );
    const text = await readText({ mediaType: MediaType.Docx, bytes: docx, rendition: null });
    expect(text.state).toBe(TextState.Ready);
    for (const piece of [
      'Thời hạn giải quyết: 05 ngày làm việc — Đắk Hà, Kon Tum; ỹ ữ ặ',
      'Tiếp nhận hồ sơ',
      'Công chức Một cửa',
    ])
      expect(text.text).toContain(piece);
  });

  it('prefers the rendition of a Word file when there is one', async () => {
    const docx = await buildDocx(['Noi dung trong tep Word']);
    const text = await readText({
      mediaType: MediaType.Docx,
      bytes: docx,
      rendition: await pdfWith(['Noi dung cua ban PDF chuyen doi']),
    });
    expect(text.text).toContain('Noi dung cua ban PDF chuyen doi');
  });

  it("reads a spreadsheet's cells, sheet by sheet", async () => {
    const xlsx = await buildXlsx(
      [
        ['Chỉ tiêu', 'Kết quả'],
        ['Tỷ lệ hồ sơ đúng hạn', 98.5],
      ],
      'Mục tiêu 2026',
    );
    const text = await readText({ mediaType: MediaType.Xlsx, bytes: xlsx, rendition: null });
    expect(text.state).toBe(TextState.Ready);
    expect(text.text).toContain('Mục tiêu 2026');
    expect(text.text).toContain('Tỷ lệ hồ sơ đúng hạn\t98.5');
  });

  it('says a .doc, .odt or .xls needs its rendition to be read', async () => {
    for (const mediaType of [MediaType.Doc, MediaType.Odt, MediaType.Xls]) {
      const text = await readText({ mediaType, bytes: Buffer.from('x'), rendition: null });
      expect(text.state).toBe(TextState.Unsupported);
      expect(text.error).toContain('LibreOffice');
    }
  });

  it('refuses a corrupt file for good (a retry would fail again)', async () => {
    await expect(
      readText({ mediaType: MediaType.Pdf, bytes: Buffer.from('%PDF-1.7 garbage'), rendition: null }),
    ).rejects.toBeInstanceOf(UnreadableContentError);
    await expect(
      readText({ mediaType: MediaType.Docx, bytes: Buffer.from('PK\u0003\u0004 broken'), rendition: null }),
    ).rejects.toBeInstanceOf(UnreadableContentError);
  });

  it(`keeps at most ${MAX_TEXT_CHARS} characters`, async () => {
    const long = await buildDocx(Array.from({ length: 400 }, () => 'Nội dung rất dài '.repeat(80)));
    const text = await readText({ mediaType: MediaType.Docx, bytes: long, rendition: null });
    expect(text.text!.length).toBe(MAX_TEXT_CHARS);
  });
});
