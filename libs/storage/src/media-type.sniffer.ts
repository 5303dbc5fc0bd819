import { TextDecoder } from 'node:util';
import { MediaType } from './media-type.constants';

/** How many leading bytes the drivers keep to sniff the media type; the rest streams through. */
export const SNIFF_HEAD_BYTES = 64 * 1024;

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL_FILE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY_ARCHIVE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const WINDOWS_EXECUTABLE = Buffer.from('MZ', 'latin1');

const ZIP_HEADER_BYTES = 30;
const OLE_HEADER_BYTES = 512;
const OLE_DIRECTORY_ENTRY_BYTES = 128;
const ODF_MIMETYPE_PREFIX = 'application/vnd.oasis.opendocument.';

/**
 * Names the media type of a file from its first bytes (at most SNIFF_HEAD_BYTES are read).
 * Never trusts the file name or the client's Content-Type: a renamed .exe stays an executable.
 */
export function sniffMediaType(head: Buffer): string {
  const bytes = head.subarray(0, SNIFF_HEAD_BYTES);
  if (startsWith(bytes, PDF)) return MediaType.Pdf;
  if (startsWith(bytes, PNG)) return MediaType.Png;
  if (startsWith(bytes, JPEG)) return MediaType.Jpeg;
  if (startsWith(bytes, OLE2)) return sniffOleStorage(bytes);
  if (startsWith(bytes, ZIP_LOCAL_FILE) || startsWith(bytes, ZIP_EMPTY_ARCHIVE)) return sniffZip(bytes);
  if (startsWith(bytes, WINDOWS_EXECUTABLE)) return MediaType.WindowsExecutable;
  if (looksLikeText(bytes)) return MediaType.PlainText;
  return MediaType.OctetStream;
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}

/** DOC and XLS share the OLE2 container; the names of their streams tell them apart. */
function sniffOleStorage(bytes: Buffer): string {
  const names = oleDirectoryNames(bytes);
  const word = names.has('WordDocument');
  const excel = names.has('Workbook') || names.has('Book');
  if (word && excel) {
    // One of them is an embedded object: Word keeps those under ObjectPool, Excel under MBD<hex>.
    if (names.has('ObjectPool')) return MediaType.Doc;
    if ([...names].some((name) => /^MBD[0-9A-F]{8}$/.test(name))) return MediaType.Xls;
    return MediaType.Doc;
  }
  if (word) return MediaType.Doc;
  if (excel) return MediaType.Xls;
  if (names.has('PowerPoint Document')) return MediaType.Ppt;
  return MediaType.OleStorage;
}

/**
 * Directory entries are 128-byte records in sectors that follow the 512-byte header, so they sit
 * on 128-byte boundaries; a record only counts when its length and type fields are consistent.
 */
function oleDirectoryNames(bytes: Buffer): Set<string> {
  const names = new Set<string>();
  for (
    let offset = OLE_HEADER_BYTES;
    offset + OLE_DIRECTORY_ENTRY_BYTES <= bytes.length;
    offset += OLE_DIRECTORY_ENTRY_BYTES
  ) {
    const nameBytes = bytes.readUInt16LE(offset + 64);
    const type = bytes[offset + 66];
    const isStorageOrStream = type === 1 || type === 2 || type === 5;
    if (!isStorageOrStream || nameBytes < 4 || nameBytes > 64 || nameBytes % 2 !== 0) continue;
    // The length counts the UTF-16 terminator, which must be there.
    if (bytes.readUInt16LE(offset + nameBytes - 2) !== 0) continue;
    names.add(bytes.toString('utf16le', offset, offset + nameBytes - 2));
  }
  return names;
}

interface ZipEntryHead {
  name: string;
  method: number;
  dataStart: number;
  compressedSize: number;
}

/** OOXML and ODF are zips; the entry names (and ODF's leading mimetype entry) say which. */
function sniffZip(bytes: Buffer): string {
  const entries = zipLocalEntries(bytes);
  const odfType = odfMimetype(bytes, entries[0]);
  if (odfType) return odfType;

  const names = new Set(entries.map((entry) => entry.name));
  const isPackage = names.has('[Content_Types].xml') || names.has('_rels/.rels');
  const hasPart = (prefix: string): boolean => [...names].some((name) => name.startsWith(prefix));

  if (hasPart('word/') && (isPackage || names.has('word/document.xml'))) {
    // Macro-enabled files are a different (refused) type even when renamed .docx.
    return names.has('word/vbaProject.bin') ? MediaType.DocmMacro : MediaType.Docx;
  }
  if (hasPart('xl/') && (isPackage || names.has('xl/workbook.xml'))) {
    return names.has('xl/vbaProject.bin') ? MediaType.XlsmMacro : MediaType.Xlsx;
  }
  if (hasPart('ppt/') && (isPackage || names.has('ppt/presentation.xml'))) return MediaType.Pptx;
  return MediaType.Zip;
}

/**
 * Finds local file headers by signature rather than by walking sizes: writers that stream
 * (data descriptors) leave the sizes at zero, so walking would stop after the first entry.
 */
function zipLocalEntries(bytes: Buffer): ZipEntryHead[] {
  const entries: ZipEntryHead[] = [];
  let offset = bytes.indexOf(ZIP_LOCAL_FILE);
  while (offset !== -1 && offset + ZIP_HEADER_BYTES <= bytes.length) {
    const nameLength = bytes.readUInt16LE(offset + 26);
    const extraLength = bytes.readUInt16LE(offset + 28);
    const nameEnd = offset + ZIP_HEADER_BYTES + nameLength;
    if (nameEnd > bytes.length) break;
    entries.push({
      name: bytes.toString('utf8', offset + ZIP_HEADER_BYTES, nameEnd),
      method: bytes.readUInt16LE(offset + 8),
      dataStart: nameEnd + extraLength,
      compressedSize: bytes.readUInt32LE(offset + 18),
    });
    offset = bytes.indexOf(ZIP_LOCAL_FILE, offset + ZIP_HEADER_BYTES);
  }
  return entries;
}

/** ODF puts an uncompressed "mimetype" entry first so that this check is possible. */
function odfMimetype(bytes: Buffer, first: ZipEntryHead | undefined): string | undefined {
  if (!first || first.name !== 'mimetype' || first.method !== 0) return undefined;
  const end = first.dataStart + first.compressedSize;
  if (first.compressedSize > 100 || end > bytes.length) return undefined;
  const value = bytes.toString('latin1', first.dataStart, end);
  return value.startsWith(ODF_MIMETYPE_PREFIX) && /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(value)
    ? value
    : undefined;
}

/** Valid UTF-8 without control characters other than whitespace; a cut last character is fine. */
function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  for (const byte of bytes) {
    const isControl = byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d;
    if (isControl || byte === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
