import { foldVietnamese } from '@eiso/common';

/** "Ủy ban nhân dân huyện Đăk Glei" and "Huyện Đăk Glei" name the same district. */
const COMMITTEE_PREFIXES = ['uy ban nhan dan ', 'ubnd '];

/** Abbreviations seen in provincial lists: "TP. Kon Tum", "TX Ayun Pa". */
const ABBREVIATIONS: [RegExp, string][] = [
  [/^tp\.?\s*/, 'thanh pho '],
  [/^tx\.?\s*/, 'thi xa '],
];

/**
 * The key two district names are compared on: folded (no accents, lower case, single spaces),
 * without the People's Committee prefix, with one kind of apostrophe ("Ia H’Drai").
 */
export function districtKey(name: string): string {
  let key = foldVietnamese(name).replace(/[’‘`´]/g, "'");
  const prefix = COMMITTEE_PREFIXES.find((p) => key.startsWith(p));
  if (prefix) key = key.slice(prefix.length);
  for (const [pattern, full] of ABBREVIATIONS) key = key.replace(pattern, full);
  return key;
}

/** Every candidate whose name designates the district written in a CSV row. */
export function matchDistrict<T extends { name: string }>(district: string, candidates: readonly T[]): T[] {
  const key = districtKey(district);
  return candidates.filter((candidate) => districtKey(candidate.name) === key);
}
