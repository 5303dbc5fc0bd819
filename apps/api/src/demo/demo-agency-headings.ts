import { parse } from 'csv-parse/sync';
import { AgencyLevel } from '@eiso/organizations';

/** The root of the demo tree: the governing body ("UBND TỈNH KON TUM") of every agency in the list. */
export const DEMO_PROVINCE = {
  name: 'Ủy ban nhân dân tỉnh Kon Tum',
  level: AgencyLevel.Province,
  abbreviation: 'UBND',
  place: 'Kon Tum',
} as const;

const PEOPLES_COMMITTEE = /^(ủy|uỷ) ban nhân dân\s*/iu;
// "huyện Đăk Hà", "thành phố Kon Tum", "xã Ia Chim", "phường Quyết Thắng", "thị trấn Plei Kần".
const UNIT_KIND = /^(huyện|thành phố|thị xã|xã|phường|thị trấn)\s+/iu;
const LOCAL_LEVELS: ReadonlySet<AgencyLevel> = new Set([
  AgencyLevel.Province,
  AgencyLevel.District,
  AgencyLevel.Commune,
]);
/** Ký hiệu the province uses that initials would not give. */
const KNOWN_ABBREVIATIONS: Record<string, string> = { 'Thanh tra tỉnh': 'TTr' };

/** First letter of a word in capitals, its tone and vowel marks dropped; Đ stays Đ (SKHĐT). */
function initial(word: string): string {
  const first = Array.from(word.normalize('NFC'))[0] ?? '';
  if (first === 'đ' || first === 'Đ') return 'Đ';
  return first
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleUpperCase('vi');
}

/**
 * The ký hiệu the demo gives an agency: "UBND" for a People's Committee at any level, otherwise
 * the initials of its name without "và" and a closing "tỉnh" (Sở Tư pháp → STP, Sở Khoa học và
 * Công nghệ → SKHCN, Văn phòng Ủy ban nhân dân tỉnh → VPUBND).
 */
export function demoAbbreviation(name: string, level: AgencyLevel): string {
  const known = KNOWN_ABBREVIATIONS[name];
  if (known) return known;
  if (LOCAL_LEVELS.has(level) || PEOPLES_COMMITTEE.test(name)) return 'UBND';
  const words = name
    .replace(/(ủy|uỷ) ban nhân dân/giu, 'UBND')
    .split(/[\s,–-]+/)
    .filter((word) => word && word.toLocaleLowerCase('vi') !== 'và');
  if (words.length > 1 && words[words.length - 1].toLocaleLowerCase('vi') === 'tỉnh') words.pop();
  return words.map((word) => (word === 'UBND' ? word : initial(word))).join('');
}

/**
 * The địa danh of the place-and-date line: a district's or commune's own name ("Đăk Hà",
 * "Quyết Thắng"), the province's for everything at the province ("Kon Tum").
 */
export function demoPlace(name: string, level: AgencyLevel): string {
  if (level !== AgencyLevel.District && level !== AgencyLevel.Commune) return DEMO_PROVINCE.place;
  const place = name.replace(PEOPLES_COMMITTEE, '').replace(UNIT_KIND, '').trim();
  return place || DEMO_PROVINCE.place;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The roadmap list with the two optional columns of the import filled in for every agency, so the
 * demo loads in one import with every official heading complete. The file itself stays the
 * plan's list as published.
 */
export function withDemoHeadings(csv: Buffer): string {
  const records: string[][] = parse(csv, { bom: true, skip_empty_lines: true });
  const [header, ...rows] = records;
  const column = (name: string) => header.indexOf(name);
  const [nameAt, levelAt] = [column('name'), column('level')];
  return [
    [...header, 'abbreviation', 'place'],
    ...rows.map((row) => {
      const [name, level] = [row[nameAt], row[levelAt] as AgencyLevel];
      return [...row, demoAbbreviation(name, level), demoPlace(name, level)];
    }),
  ]
    .map((row) => row.map(csvField).join(','))
    .join('\n');
}
