import { addMonths } from '@eiso/common';

/** The number a review is known by: its serial in the agency's year, "01/2026". */
export function managementReviewNumber(serial: number, year: number): string {
  return `${String(serial).padStart(2, '0')}/${year}`;
}

/** The year a review is numbered in: the year of its meeting date (YYYY-MM-DD). */
export function numberingYearOf(meetingDate: string): number {
  return Number(meetingDate.slice(0, 4));
}

/** The default title: the year the period ends in. */
export function defaultReviewTitle(periodTo: string): string {
  return `Xem xét của lãnh đạo năm ${periodTo.slice(0, 4)}`;
}

/**
 * Whether [from, to] is longer than `months` months: a period of 24 months from 01/01/2025 ends
 * at the latest on 31/12/2026 (the day before the same date 24 months on).
 */
export function periodLongerThan(from: string, to: string, months: number): boolean {
  return to >= addMonths(from, months);
}
