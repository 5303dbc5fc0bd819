/**
 * The ký hiệu of an agency in document numbers ("STP" in "Số: 01/BB-STP"): letters and digits,
 * with "&", "." or "-" inside; no space and no slash, since it follows the slash of the number.
 */
export const AGENCY_ABBREVIATION_PATTERN = /^[\p{L}\p{N}](?:[\p{L}\p{N}&.-]{0,18}[\p{L}\p{N}])?$/u;
export const MAX_ABBREVIATION_LENGTH = 20;
/** The địa danh of the place-and-date line ("Kon Tum"). */
export const MAX_PLACE_LENGTH = 100;

export function isAgencyAbbreviation(value: string): boolean {
  return AGENCY_ABBREVIATION_PATTERN.test(value);
}
