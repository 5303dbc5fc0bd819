/** The number a nonconformity is known by: its serial in the agency's year, "07/2026". */
export function nonconformityNumber(serial: number, year: number): string {
  return `${String(serial).padStart(2, '0')}/${year}`;
}

/** The year a nonconformity is numbered in: the year of its detection date (YYYY-MM-DD). */
export function numberingYearOf(detectedOn: string): number {
  return Number(detectedOn.slice(0, 4));
}
