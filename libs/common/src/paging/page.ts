export const MAX_PAGE_SIZE = 100;
/** Far past any list's end, and `(page - 1) * pageSize` stays an exact integer PostgreSQL takes. */
export const MAX_PAGE = 10_000_000;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf<T, R>(items: T[], total: number, req: PageRequest, map: (item: T) => R): Page<R> {
  return { items: items.map(map), total, page: req.page, pageSize: req.pageSize };
}

export function offsetOf(req: PageRequest): number {
  return (req.page - 1) * req.pageSize;
}
