import type { components } from '../../api/schema';
import type { Me } from '../../auth/AuthProvider';
import type { Role } from '../../auth/permissions';

export type SearchHit = components['schemas']['SearchHitResponse'];
export type SearchScope = SearchHit['scope'];
export type SnippetPart = components['schemas']['SnippetPartResponse'];

/** The query parameters of the search screen, kept in the address (a link or Back shows the same). */
export const SEARCH_FILTERS = ['q', 'scope', 'type', 'agencyId', 'recordTypeId'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];
/** Filters that belong to one scope: dropped when the user switches to the other. */
export const SCOPED_FILTERS: readonly SearchFilter[] = ['type', 'agencyId', 'recordTypeId'];

/** The most the API takes in `q`. */
export const QUERY_MAX_LENGTH = 200;

export const SCOPE_LABELS: Record<SearchScope, string> = {
  documents: 'Tài liệu',
  records: 'Hồ sơ',
};

/** Every text of the search screens. */
export const SEARCH_TEXT = {
  menu: 'Tìm kiếm',
  title: 'Tìm kiếm nội dung',
  subtitle: 'Tìm trong nội dung các tệp tài liệu và hồ sơ mà bạn được xem',
  queryLabel: 'Từ khóa',
  queryPlaceholder: 'Ví dụ: thoi han giai quyet',
  submit: 'Tìm',
  hint: 'Gõ có dấu hay không dấu đều được. Đặt cụm từ trong ngoặc kép để tìm đúng thứ tự các từ ("thời hạn giải quyết"); thêm * sau một từ để tìm theo tiền tố (xac minh*).',
  scopeLabel: 'Tìm trong',
  typeLabel: 'Loại tài liệu',
  agencyLabel: 'Cơ quan',
  recordTypeLabel: 'Loại hồ sơ',
  all: 'Tất cả',
  allAgencies: 'Tất cả cơ quan',
  prompt: 'Nhập từ khóa rồi nhấn Enter để tìm trong nội dung các tệp.',
  found: (total: number) => `Tìm thấy ${total.toLocaleString('vi-VN')} kết quả`,
  empty: 'Không tìm thấy nội dung phù hợp',
  emptyHint: 'Thử bỏ bớt từ, bỏ ngoặc kép hoặc bỏ bộ lọc.',
  results: 'Kết quả tìm kiếm',
  file: 'Tệp',
  issue: (n: number) => `Lần ban hành ${n}`,
  revision: (n: number) => `Lần sửa đổi ${n}`,
  effectiveFrom: 'Hiệu lực từ',
  recordDate: 'Ngày hồ sơ',
  headerLabel: 'Tìm trong nội dung tài liệu',
  headerPlaceholder: 'Tìm trong nội dung tài liệu…',
} as const;

/** Readers of every agency's issued documents (the API's documentScope), who may name one agency. */
const DRAFTING_CIRCLE: readonly Role[] = ['drafter', 'reviewer', 'approver', 'iso_secretary'];
const CROSS_AGENCY_READERS: readonly Role[] = ['overseer', 'admin'];

export function readsEveryAgency(me: Me | undefined): boolean {
  if (!me) return false;
  if (me.agencyId && me.roles.some((r) => DRAFTING_CIRCLE.includes(r))) return false;
  return me.roles.some((r) => CROSS_AGENCY_READERS.includes(r));
}

/** The address of the screen a hit opens: the version found, or the record. */
export function hitLink(hit: SearchHit): string {
  if (hit.scope === 'records') return `/records/${hit.id}`;
  return hit.versionId ? `/documents/${hit.id}/versions/${hit.versionId}` : `/documents/${hit.id}`;
}

/** The search screen's address for a query typed elsewhere (the box in the header). */
export function searchPath(q: string): string {
  return `/search?${new URLSearchParams({ q }).toString()}`;
}
