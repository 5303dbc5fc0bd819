import type {
  ObjectiveAggregation,
  ObjectiveDirection,
  ObjectiveFrequency,
  ObjectiveStatus,
} from './objective-types';

export const STATUS_LABELS: Record<ObjectiveStatus, string> = {
  on_track: 'Đạt mục tiêu',
  at_risk: 'Có nguy cơ không đạt',
  missed: 'Không đạt',
  no_data: 'Chưa có số liệu',
};

export const DIRECTION_LABELS: Record<ObjectiveDirection, string> = {
  at_least: 'Không thấp hơn chỉ tiêu (≥)',
  at_most: 'Không cao hơn chỉ tiêu (≤)',
};

export const FREQUENCY_LABELS: Record<ObjectiveFrequency, string> = {
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  yearly: 'Hằng năm',
};

export const AGGREGATION_LABELS: Record<ObjectiveAggregation, string> = {
  average: 'Trung bình các kỳ',
  sum: 'Tổng các kỳ',
  latest: 'Kỳ gần nhất',
};

/** "≥ 98 %", "≤ 2 phản ánh". */
export function targetText(o: { direction: ObjectiveDirection; target: number; unit: string }): string {
  return `${o.direction === 'at_least' ? '≥' : '≤'} ${formatNumber(o.target)} ${o.unit}`;
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}

/** "Tháng 03/2026", "Quý 2/2026", "Năm 2026". */
export function periodLabel(period: string): string {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `Tháng ${m[2]}/${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return `Quý ${m[2]}/${m[1]}`;
  return `Năm ${period}`;
}

/** The periods of the year at this frequency that have begun by today (YYYY-MM-DD). */
export function periodsBegun(year: number, frequency: ObjectiveFrequency, today: string): string[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  const all =
    frequency === 'monthly'
      ? Array.from({ length: 12 }, (_, i) => ({
          period: `${year}-${pad(i + 1)}`,
          first: `${year}-${pad(i + 1)}-01`,
        }))
      : frequency === 'quarterly'
        ? [1, 2, 3, 4].map((q) => ({ period: `${year}-Q${q}`, first: `${year}-${pad(q * 3 - 2)}-01` }))
        : [{ period: String(year), first: `${year}-01-01` }];
  return all.filter((p) => p.first <= today).map((p) => p.period);
}

/** Today in Vietnam, YYYY-MM-DD. */
export function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}
