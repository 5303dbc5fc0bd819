import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { ALLOWED_DOCUMENT_MEDIA_TYPES, isAllowedDocumentMediaType, MediaType } from './media-type.constants';
import { SNIFF_HEAD_BYTES, sniffMediaType } from './media-type.sniffer';

interface ZipEntry {
  name: string;
  content: string | Buffer;
  /** Store uncompressed (ODF's mimetype must be). */
  stored?: boolean;
}

/**
 * A real zip (local headers, central directory, end record) like Office and LibreOffice write.
 * With `streamed`, sizes and CRC follow each entry in a data descriptor, as streaming writers do.
 */
function zip(entries: ZipEntry[], streamed = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content, 'utf8');
    const data = entry.stored ? raw : deflateRawSync(raw);
    const method = entry.stored ? 0 : 8;
    const crc = crc32(raw);
    const flags = 0x0800 | (streamed ? 0x0008 : 0);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(streamed ? 0 : crc, 14);
    local.writeUInt32LE(streamed ? 0 : data.length, 18);
    local.writeUInt32LE(streamed ? 0 : raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const parts = [local, name, data];
    if (streamed) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
      parts.push(descriptor);
    }
    const record = Buffer.concat(parts);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    locals.push(record);
    offset += record.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

function docx(extra: ZipEntry[] = [], streamed = false): Buffer {
  return zip(
    [
      { name: '[Content_Types].xml', content: CONTENT_TYPES },
      { name: '_rels/.rels', content: RELS },
      {
        name: 'word/document.xml',
        content: '<w:document><w:body><w:p><w:r><w:t>Quy trình</w:t></w:r></w:p></w:body></w:document>',
      },
      { name: 'word/styles.xml', content: '<w:styles/>' },
      ...extra,
    ],
    streamed,
  );
}

function xlsx(extra: ZipEntry[] = []): Buffer {
  return zip([
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    { name: '_rels/.rels', content: RELS },
    { name: 'xl/workbook.xml', content: '<workbook/>' },
    { name: 'xl/worksheets/sheet1.xml', content: '<worksheet/>' },
    ...extra,
  ]);
}

function odf(mimetype: string): Buffer {
  return zip([
    { name: 'mimetype', content: mimetype, stored: true },
    { name: 'content.xml', content: '<office:document-content/>' },
    { name: 'META-INF/manifest.xml', content: '<manifest:manifest/>' },
  ]);
}

/**
 * A minimal compound file (OLE2, version 3): header, one FAT sector, one directory sector holding
 * the root entry and the given streams/storages.
 */
function ole(entries: { name: string; type: 1 | 2 }[]): Buffer {
  const END_OF_CHAIN = 0xfffffffe;
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(1, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(0xffffffff, 0x4c + i * 4);
  header.writeUInt32LE(0, 0x4c);

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(END_OF_CHAIN, 4);

  const all = [{ name: 'Root Entry', type: 5 }, ...entries];
  const directory = Buffer.alloc(Math.ceil(all.length / 4) * 512, 0);
  all.forEach((entry, index) => {
    const at = index * 128;
    const name = Buffer.from(`${entry.name}\0`, 'utf16le');
    name.copy(directory, at);
    directory.writeUInt16LE(name.length, at + 64);
    directory[at + 66] = entry.type;
    directory.writeUInt32LE(0xffffffff, at + 68);
    directory.writeUInt32LE(0xffffffff, at + 72);
    directory.writeUInt32LE(0xffffffff, at + 76);
    directory.writeUInt32LE(END_OF_CHAIN, at + 116);
  });
  return Buffer.concat([header, fat, directory]);
}

describe('sniffMediaType', () => {
  it('recognises PDF, PNG and JPEG by their magic bytes', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1'))).toBe(MediaType.Pdf);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(64),
    ]);
    expect(sniffMediaType(png)).toBe(MediaType.Png);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0')]);
    expect(sniffMediaType(jpeg)).toBe(MediaType.Jpeg);
  });

  it('names a Windows executable renamed .pdf for what it is, and refuses it', () => {
    const exe = Buffer.concat([
      Buffer.from('MZ\x90\x00', 'latin1'),
      randomBytes(200),
      Buffer.from('%PDF-1.7'),
    ]);
    const type = sniffMediaType(exe);
    expect(type).toBe(MediaType.WindowsExecutable);
    expect(isAllowedDocumentMediaType(type)).toBe(false);
  });

  it('only accepts the PDF signature at the very start', () => {
    expect(sniffMediaType(Buffer.from('\0\0\0%PDF-1.7', 'latin1'))).toBe(MediaType.OctetStream);
  });

  it('tells DOCX and XLSX apart by their parts', () => {
    expect(sniffMediaType(docx())).toBe(MediaType.Docx);
    expect(sniffMediaType(xlsx())).toBe(MediaType.Xlsx);
  });

  it('recognises DOCX written with data descriptors (sizes unknown in the local headers)', () => {
    expect(sniffMediaType(docx([], true))).toBe(MediaType.Docx);
  });

  it('recognises a DOCX from its first bytes only, as an upload presents it', () => {
    const big = docx([{ name: 'word/media/image1.png', content: randomBytes(200 * 1024), stored: true }]);
    expect(big.length).toBeGreaterThan(SNIFF_HEAD_BYTES);
    expect(sniffMediaType(big.subarray(0, SNIFF_HEAD_BYTES))).toBe(MediaType.Docx);
  });

  it('looks no further than the head', () => {
    const late = zip([
      { name: 'padding.bin', content: randomBytes(SNIFF_HEAD_BYTES), stored: true },
      { name: '[Content_Types].xml', content: CONTENT_TYPES },
      { name: 'word/document.xml', content: '<w:document/>' },
    ]);
    expect(sniffMediaType(late)).toBe(MediaType.Zip);
  });

  it('gives macro-enabled Office files their own (refused) type', () => {
    const docm = sniffMediaType(docx([{ name: 'word/vbaProject.bin', content: randomBytes(64) }]));
    const xlsm = sniffMediaType(xlsx([{ name: 'xl/vbaProject.bin', content: randomBytes(64) }]));
    expect(docm).toBe(MediaType.DocmMacro);
    expect(xlsm).toBe(MediaType.XlsmMacro);
    expect(isAllowedDocumentMediaType(docm)).toBe(false);
    expect(isAllowedDocumentMediaType(xlsm)).toBe(false);
  });

  it('reads ODF types from the leading mimetype entry', () => {
    expect(sniffMediaType(odf('application/vnd.oasis.opendocument.text'))).toBe(MediaType.Odt);
    const ods = sniffMediaType(odf('application/vnd.oasis.opendocument.spreadsheet'));
    expect(ods).toBe('application/vnd.oasis.opendocument.spreadsheet');
    expect(isAllowedDocumentMediaType(ods)).toBe(false);
  });

  it('calls any other zip a zip', () => {
    expect(sniffMediaType(zip([{ name: 'readme.txt', content: 'xin chào' }]))).toBe(MediaType.Zip);
    expect(sniffMediaType(zip([]))).toBe(MediaType.Zip);
    // A "word/" folder alone does not make a Word document.
    expect(sniffMediaType(zip([{ name: 'word/notes.txt', content: 'x' }]))).toBe(MediaType.Zip);
  });

  it('tells DOC and XLS apart by their OLE2 directory entries', () => {
    expect(
      sniffMediaType(
        ole([
          { name: 'WordDocument', type: 2 },
          { name: '1Table', type: 2 },
        ]),
      ),
    ).toBe(MediaType.Doc);
    expect(sniffMediaType(ole([{ name: 'Workbook', type: 2 }]))).toBe(MediaType.Xls);
    // Excel 5/95 names its stream "Book".
    expect(sniffMediaType(ole([{ name: 'Book', type: 2 }]))).toBe(MediaType.Xls);
  });

  it('keeps a Word document with an embedded workbook a Word document', () => {
    const doc = ole([
      { name: 'WordDocument', type: 2 },
      { name: '1Table', type: 2 },
      { name: 'ObjectPool', type: 1 },
      { name: '_1234567890', type: 1 },
      { name: 'Workbook', type: 2 },
    ]);
    expect(sniffMediaType(doc)).toBe(MediaType.Doc);
    const xls = ole([
      { name: 'Workbook', type: 2 },
      { name: 'MBD0012AB34', type: 1 },
      { name: 'WordDocument', type: 2 },
    ]);
    expect(sniffMediaType(xls)).toBe(MediaType.Xls);
  });

  it('falls back to a generic OLE2 type when the directory says nothing known', () => {
    expect(sniffMediaType(ole([{ name: 'Contents', type: 2 }]))).toBe(MediaType.OleStorage);
    // Directory beyond the head (only the header arrived).
    expect(sniffMediaType(ole([{ name: 'WordDocument', type: 2 }]).subarray(0, 512))).toBe(
      MediaType.OleStorage,
    );
  });

  it('calls UTF-8 text text and anything else octet-stream', () => {
    expect(sniffMediaType(Buffer.from('Mã;Tên\nQT-01;Quy trình kiểm soát tài liệu\n'))).toBe(
      MediaType.PlainText,
    );
    expect(sniffMediaType(Buffer.from([0x00, 0x01, 0x02, 0x03]))).toBe(MediaType.OctetStream);
    expect(sniffMediaType(Buffer.from([0xc3, 0x28, 0x41]))).toBe(MediaType.OctetStream);
    expect(sniffMediaType(Buffer.alloc(0))).toBe(MediaType.OctetStream);
  });

  it('accepts text cut in the middle of a multi-byte character at the head boundary', () => {
    const text = Buffer.from('ệ'.repeat(SNIFF_HEAD_BYTES));
    expect(sniffMediaType(text.subarray(0, SNIFF_HEAD_BYTES))).toBe(MediaType.PlainText);
  });
});

describe('ALLOWED_DOCUMENT_MEDIA_TYPES', () => {
  it('allows exactly the document formats the system accepts', () => {
    expect([...ALLOWED_DOCUMENT_MEDIA_TYPES].sort()).toEqual(
      [
        MediaType.Pdf,
        MediaType.Docx,
        MediaType.Xlsx,
        MediaType.Doc,
        MediaType.Xls,
        MediaType.Odt,
        MediaType.Png,
        MediaType.Jpeg,
      ].sort(),
    );
    for (const refused of [MediaType.Zip, MediaType.OleStorage, MediaType.OctetStream, MediaType.PlainText]) {
      expect(isAllowedDocumentMediaType(refused)).toBe(false);
    }
  });
});
