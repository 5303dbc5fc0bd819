import dayjs, { type Dayjs } from 'dayjs';

/** Dates are shown dd/mm/yyyy, as Vietnamese administrative documents write them. */
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'HH:mm DD/MM/YYYY';

/** A calendar date (`YYYY-MM-DD`) or a timestamp, shown dd/mm/yyyy; empty when absent. */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format(DATE_FORMAT) : '';
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format(DATE_TIME_FORMAT) : '';
}

/** A date picker's value, as the API expects a calendar date (`YYYY-MM-DD`). */
export function toApiDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/** An API calendar date for a date picker. */
export function fromApiDate(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value) : undefined;
}
