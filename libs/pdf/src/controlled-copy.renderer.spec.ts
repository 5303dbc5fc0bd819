import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import type { ControlledCopyInput } from './controlled-copy.input';
import { renderControlledCopy } from './controlled-copy.renderer';
import { embedPdfFonts } from './pdf-fonts';
import { PdfSourceError } from './pdf-source.error';
import { extractPdfText } from './pdf-text.testing';

async function sourcePdf(pageTexts: string[], rotation = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedPdfFonts(doc);
  for (const text of pageTexts) {
    const page = doc.addPage([595.28, 841.89]);
    page.setRotation(degrees(rotation));
    page.drawText(text, { x: 72, y: 700, size: 12, font: fonts.regular });
  }
  return doc.save();
}

function copyInput(
  source: ControlledCopyInput['source'],
  overrides: Partial<ControlledCopyInput> = {},
): ControlledCopyInput {
  return {
    source,
    heading: {
      governingBody: 'UBND TỈNH KON TUM',
      agencyName: 'Ủy ban nhân dân huyện Đăk Hà',
      abbreviation: 'UBND',
      place: 'Đăk Hà',
    },
    code: 'QT-HT-01',
    title: 'Quy trình kiểm soát thông tin dạng văn bản',
    typeLabel: 'Quy trình',
    revision: 3,
    issueNumber: 2,
    effectiveFrom: '2026-12-01',
    state: 'effective',
    signers: {
      drafted: {
        name: 'Nguyễn Thị Hường',
        position: 'Chuyên viên',
        signedAt: new Date('2026-11-20T02:15:00Z'),
      },
      reviewed: {
        name: 'Trần Văn Đức',
        position: 'Chánh Văn phòng',
        signedAt: new Date('2026-11-24T08:30:00Z'),
      },
      approved: {
        name: 'Lê Quốc Việt',
        position: 'Chủ tịch UBND huyện',
        signedAt: new Date('2026-11-29T18:30:00Z'),
      },
      issued: { name: 'Phạm Thu Hà', position: 'Thư ký ISO', signedAt: new Date('2026-11-30T01:00:00Z') },
    },
    generatedAt: new Date('2026-11-30T01:05:00Z'),
    ...overrides,
  };
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

describe('renderControlledCopy', () => {
  afterEach(() => jest.restoreAllMocks());

  it('stamps every page of a PDF and appends the signature page', async () => {
    const source = await sourcePdf(['Nội dung trang một: mục đích, phạm vi', 'Nội dung trang hai: lưu đồ']);
    const copy = await renderControlledCopy(copyInput({ kind: 'pdf', bytes: source }));

    expect(await pageCount(copy)).toBe(3);
    const text = await extractPdfText(copy);
    for (const expected of [
      'Nội dung trang một: mục đích, phạm vi',
      'Nội dung trang hai: lưu đồ',
      'Mã hiệu: QT-HT-01',
      'Lần ban hành: 02',
      'Ngày hiệu lực: 01/12/2026',
      'BẢN CÓ KIỂM SOÁT',
      'TRANG KÝ DUYỆT',
      'Quy trình kiểm soát thông tin dạng văn bản',
      'Nguyễn Thị Hường',
      'Trần Văn Đức',
      'Lê Quốc Việt',
      // 18:30 UTC on 29/11 is already 30/11 in Vietnam.
      'Ký lúc: 01:30 30/11/2026',
      'Ban hành bởi Phạm Thu Hà (Thư ký ISO) lúc 08:00 30/11/2026',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('HẾT HIỆU LỰC');

    const pages = await Promise.all(
      [1, 2, 3].map((page) => extractPdfText(copy, { firstPage: page, lastPage: page })),
    );
    expect(pages[0]).toContain('Trang 1/3');
    expect(pages[0]).toContain('Nội dung trang một');
    expect(pages[1]).toContain('Trang 2/3');
    expect(pages[1]).toContain('Mã hiệu: QT-HT-01');
    expect(pages[2]).toContain('Trang 3/3');
    // The signature page in the official layout: heading, place and date of issue, title, then one
    // signature block per step (caption, position in capitals, time, name).
    const lines = (await extractPdfText(copy, { layout: true, firstPage: 3, lastPage: 3 }))
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    expect(lines.slice(1, 5)).toEqual([
      'UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'ỦY BAN NHÂN DÂN HUYỆN ĐĂK HÀ Độc lập - Tự do - Hạnh phúc',
      'Đăk Hà, ngày 30 tháng 11 năm 2026',
      'TRANG KÝ DUYỆT',
    ]);
    const steps = lines.indexOf('SOẠN THẢO XEM XÉT PHÊ DUYỆT');
    expect(lines.slice(steps, steps + 4)).toEqual([
      'SOẠN THẢO XEM XÉT PHÊ DUYỆT',
      'CHUYÊN VIÊN CHÁNH VĂN PHÒNG CHỦ TỊCH UBND HUYỆN',
      'Ký lúc: 09:15 20/11/2026 Ký lúc: 15:30 24/11/2026 Ký lúc: 01:30 30/11/2026',
      'Nguyễn Thị Hường Trần Văn Đức Lê Quốc Việt',
    ]);
    expect(lines.join('\n')).not.toContain('Số:');
  });

  it('signs "KT." for the head when a deputy approves', async () => {
    const input = copyInput({ kind: 'cover', fileName: 'a.docx', sha256: 'ab', mediaTypeLabel: 'DOCX' });
    input.signers.approved = { ...input.signers.approved!, position: 'Phó Chủ tịch' };
    const copy = await renderControlledCopy(input);
    const lines = (await extractPdfText(copy, { layout: true, firstPage: 2, lastPage: 2 }))
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim());
    const steps = lines.indexOf('SOẠN THẢO XEM XÉT PHÊ DUYỆT');
    expect(lines.slice(steps + 1, steps + 3)).toEqual([
      'CHUYÊN VIÊN CHÁNH VĂN PHÒNG KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ]);
  });

  it('marks a superseded copy HẾT HIỆU LỰC instead of BẢN CÓ KIỂM SOÁT, with a watermark on every page', async () => {
    const source = await sourcePdf(['Trang một', 'Trang hai']);
    const copy = await renderControlledCopy(
      copyInput(
        { kind: 'pdf', bytes: source },
        { state: 'superseded', stateNote: 'Được thay thế bởi lần ban hành 03' },
      ),
    );

    const text = await extractPdfText(copy);
    expect(text).toContain('HẾT HIỆU LỰC');
    expect(text).toContain('Ghi chú: Được thay thế bởi lần ban hành 03');
    expect(text).not.toContain('BẢN CÓ KIỂM SOÁT');
    const counts = await Promise.all(
      [1, 2, 3].map(async (page) => {
        const pageText = (await extractPdfText(copy, { raw: true, firstPage: page, lastPage: page })).replace(
          /\s+/g,
          '',
        );
        return pageText.split('HẾTHIỆULỰC').length - 1;
      }),
    );
    // The band and the diagonal watermark on every page, plus the state line of the signature page.
    expect(counts).toEqual([2, 2, 3]);
  });

  it('renders a cover page for a primary file that is not a PDF', async () => {
    const sha256 = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const copy = await renderControlledCopy(
      copyInput({
        kind: 'cover',
        fileName: 'QT-HT-01 Kiểm soát tài liệu.docx',
        sha256,
        mediaTypeLabel: 'Microsoft Word (DOCX)',
      }),
    );

    expect(await pageCount(copy)).toBe(2);
    const cover = await extractPdfText(copy, { firstPage: 1, lastPage: 1 });
    for (const expected of [
      'UBND TỈNH KON TUM',
      'ỦY BAN NHÂN DÂN HUYỆN ĐĂK HÀ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Đăk Hà, ngày 30 tháng 11 năm 2026',
      'QUY TRÌNH',
      'Quy trình kiểm soát thông tin dạng văn bản',
      'Mã hiệu: QT-HT-01',
      'Lần ban hành: 02',
      'Ngày hiệu lực: 01/12/2026',
      'BẢN CÓ KIỂM SOÁT',
      'QT-HT-01 Kiểm soát tài liệu.docx',
      sha256,
      'Trang 1/2',
    ]) {
      expect(cover).toContain(expected);
    }
    const signaturePage = await extractPdfText(copy, { firstPage: 2, lastPage: 2 });
    expect(signaturePage).toContain('TRANG KÝ DUYỆT');
    expect(signaturePage).toContain('Trang 2/2');
  });

  it('prints decomposed (NFD) input as the same letters a user searches for', async () => {
    const copy = await renderControlledCopy(
      copyInput(
        { kind: 'cover', fileName: 'a.docx', sha256: 'ab', mediaTypeLabel: 'DOCX' },
        {
          title: 'Quy trình kiểm soát hồ sơ'.normalize('NFD'),
          heading: {
            governingBody: 'UBND TỈNH KON TUM'.normalize('NFD'),
            agencyName: 'Sở Tư pháp tỉnh Kon Tum'.normalize('NFD'),
            abbreviation: 'STP',
            place: 'Kon Tum'.normalize('NFD'),
          },
        },
      ),
    );

    const text = await extractPdfText(copy);
    expect(text).toContain('Quy trình kiểm soát hồ sơ'.normalize('NFC'));
    expect(text).toContain('SỞ TƯ PHÁP TỈNH KON TUM'.normalize('NFC'));
    expect(text).toContain('Kon Tum, ngày 30 tháng 11 năm 2026');
  });

  it('keeps the band readable on a page rotated by /Rotate', async () => {
    const source = await sourcePdf(['Bảng theo dõi xoay ngang'], 90);
    const copy = await renderControlledCopy(copyInput({ kind: 'pdf', bytes: source }));

    const lines = (await extractPdfText(copy, { layout: true, firstPage: 1, lastPage: 1 }))
      .split('\n')
      .filter((line) => line.trim());
    // Drawn sideways, the band would come out in pieces, not as the page's first line.
    expect(lines[0]).toContain('BẢN CÓ KIỂM SOÁT');
    expect(lines[0]).toContain('Mã hiệu: QT-HT-01');
    expect(lines[0]).toContain('Trang 1/2');
  });

  it('keeps the source metadata and sets the title and producer', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('x', { font: await doc.embedFont(StandardFonts.Helvetica) });
    doc.setAuthor('Văn phòng HĐND và UBND');
    const copy = await renderControlledCopy(copyInput({ kind: 'pdf', bytes: await doc.save() }));

    const reloaded = await PDFDocument.load(copy, { updateMetadata: false });
    expect(reloaded.getTitle()).toBe('QT-HT-01 — Quy trình kiểm soát thông tin dạng văn bản');
    expect(reloaded.getProducer()).toBe('eISO');
    expect(reloaded.getAuthor()).toBe('Văn phòng HĐND và UBND');
  });

  it.each([
    ['not a PDF at all', Buffer.from('Đây không phải tệp PDF')],
    ['an empty file', new Uint8Array()],
    ['a truncated PDF', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R')],
  ])('refuses %s with a PdfSourceError', async (_name, bytes) => {
    // pdf-lib reports what it skips on the console; the outcome is what matters here.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const rendering = renderControlledCopy(copyInput({ kind: 'pdf', bytes }));
    await expect(rendering).rejects.toBeInstanceOf(PdfSourceError);
    await expect(rendering).rejects.toThrow('Tệp PDF');
  });

  it('refuses a PDF without pages', async () => {
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    await expect(renderControlledCopy(copyInput({ kind: 'pdf', bytes: empty }))).rejects.toMatchObject({
      name: 'PdfSourceError',
      problem: 'empty',
    });
  });

  it('refuses an encrypted PDF', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    // pdf-lib cannot encrypt; an /Encrypt entry in the trailer is what readers detect.
    doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4 });
    const encrypted = await doc.save();

    await expect(renderControlledCopy(copyInput({ kind: 'pdf', bytes: encrypted }))).rejects.toMatchObject({
      name: 'PdfSourceError',
      problem: 'encrypted',
      message: expect.stringContaining('mã hóa'),
    });
  });
});
