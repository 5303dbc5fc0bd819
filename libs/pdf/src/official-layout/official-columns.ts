import type { PageColumn } from '../page-geometry';

/** The two columns of an official page within its text area. */
export interface OfficialColumns {
  /** The agency's side: heading, number, "Nơi nhận:". */
  left: PageColumn;
  /** The nation's side: quốc hiệu, place and date, the head's signature. */
  right: PageColumn;
}

const GUTTER = 12;
const MIN_RIGHT = 250;
const MAX_RIGHT = 330;
const MAX_LEFT = 300;

/**
 * As on paper: the quốc hiệu needs about 240 pt at the heading's size, the agency's side takes
 * the rest; on a wide (landscape) page both stay near the edges, neither grows past reading width.
 */
export function officialColumns(area: PageColumn): OfficialColumns {
  const rightWidth = Math.min(Math.max(area.width * 0.52, MIN_RIGHT), MAX_RIGHT, area.width);
  const leftWidth = Math.max(Math.min(area.width - rightWidth - GUTTER, MAX_LEFT), 0);
  return {
    left: { x: area.x, width: leftWidth },
    right: { x: area.x + area.width - rightWidth, width: rightWidth },
  };
}
