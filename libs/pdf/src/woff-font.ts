import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER_SIZE = 44;
const WOFF_ENTRY_SIZE = 20;
const SFNT_HEADER_SIZE = 12;
const SFNT_ENTRY_SIZE = 16;

interface WoffTable {
  tag: number;
  checksum: number;
  data: Buffer;
}

const padded = (length: number): number => (length + 3) & ~3;

/**
 * Unwraps a WOFF 1.0 font into the plain TrueType/OpenType (sfnt) it compresses. fontkit reads a
 * WOFF by inflating the whole glyph table again for every glyph it touches, which made each
 * controlled copy take seconds; the unwrapped font embeds in milliseconds.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < WOFF_HEADER_SIZE || woff.readUInt32BE(0) !== WOFF_SIGNATURE) {
    throw new Error('Not a WOFF 1.0 font');
  }
  const flavor = woff.readUInt32BE(4);
  const tableCount = woff.readUInt16BE(12);
  const tables: WoffTable[] = [];
  for (let index = 0; index < tableCount; index++) {
    const entry = WOFF_HEADER_SIZE + index * WOFF_ENTRY_SIZE;
    const offset = woff.readUInt32BE(entry + 4);
    const compressedLength = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compressedLength);
    // A table is stored raw when compressing would not have made it smaller.
    const data = compressedLength < length ? inflateSync(stored) : stored;
    if (data.length !== length) throw new Error('Corrupt WOFF table');
    tables.push({ tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), data });
  }

  const directorySize = SFNT_HEADER_SIZE + tableCount * SFNT_ENTRY_SIZE;
  const sfnt = Buffer.alloc(tables.reduce((size, table) => size + padded(table.data.length), directorySize));
  const entrySelector = Math.floor(Math.log2(tableCount));
  const searchRange = 2 ** entrySelector * SFNT_ENTRY_SIZE;
  sfnt.writeUInt32BE(flavor, 0);
  sfnt.writeUInt16BE(tableCount, 4);
  sfnt.writeUInt16BE(searchRange, 6);
  sfnt.writeUInt16BE(entrySelector, 8);
  sfnt.writeUInt16BE(tableCount * SFNT_ENTRY_SIZE - searchRange, 10);
  // WOFF keeps the directory sorted by tag, as sfnt requires, so the order carries over.
  let offset = directorySize;
  tables.forEach((table, index) => {
    const entry = SFNT_HEADER_SIZE + index * SFNT_ENTRY_SIZE;
    sfnt.writeUInt32BE(table.tag, entry);
    sfnt.writeUInt32BE(table.checksum, entry + 4);
    sfnt.writeUInt32BE(offset, entry + 8);
    sfnt.writeUInt32BE(table.data.length, entry + 12);
    table.data.copy(sfnt, offset);
    offset += padded(table.data.length);
  });
  return sfnt;
}
