import type { components } from '../../api/schema';

export type VersionState = components['schemas']['VersionState'];
export type DocumentType = components['schemas']['DocumentType'];
export type DocumentView = components['schemas']['DocumentResponse'];
export type VersionView = components['schemas']['VersionResponse'];
export type FileView = components['schemas']['DocumentFileResponse'];
export type CommentView = components['schemas']['CommentResponse'];
export type SignatureView = components['schemas']['SignatureResponse'];

/** What each state of a version is called on every screen (the tag shows the words, not only a colour). */
export const STATE_LABELS: Record<VersionState, string> = {
  draft: 'Dự thảo',
  in_review: 'Đang xem xét',
  awaiting_approval: 'Chờ phê duyệt',
  approved: 'Đã phê duyệt',
  scheduled: 'Chờ hiệu lực',
  effective: 'Đang hiệu lực',
  superseded: 'Hết hiệu lực',
  obsolete: 'Bãi bỏ',
};

/** Dark tag colours: white words on them keep the 4.5:1 contrast (antd's light presets do not). */
export const TAG_COLORS = {
  grey: '#595959',
  blue: '#003eb3',
  orange: '#873800',
  cyan: '#00474f',
  purple: '#391085',
  green: '#135200',
  gold: '#613400',
  red: '#a8071a',
} as const;

export const STATE_COLORS: Record<VersionState, string> = {
  draft: TAG_COLORS.grey,
  in_review: TAG_COLORS.blue,
  awaiting_approval: TAG_COLORS.orange,
  approved: TAG_COLORS.cyan,
  scheduled: TAG_COLORS.purple,
  effective: TAG_COLORS.green,
  superseded: TAG_COLORS.grey,
  obsolete: TAG_COLORS.red,
};

export const STATE_ORDER: VersionState[] = [
  'draft',
  'in_review',
  'awaiting_approval',
  'approved',
  'scheduled',
  'effective',
  'superseded',
  'obsolete',
];

export const TYPE_LABELS: Record<DocumentType, string> = {
  policy: 'Chính sách chất lượng',
  objectives: 'Mục tiêu chất lượng',
  manual: 'Sổ tay chất lượng',
  procedure: 'Quy trình',
  tthc_procedure: 'Quy trình giải quyết thủ tục hành chính',
  form: 'Biểu mẫu',
  guideline: 'Hướng dẫn',
  external: 'Tài liệu bên ngoài',
};

export const TYPE_OPTIONS = (Object.keys(TYPE_LABELS) as DocumentType[]).map((value) => ({
  value,
  label: TYPE_LABELS[value],
}));

/** The kinds of review and approval comments (CommentResponse.kind). */
export const COMMENT_KIND_LABELS: Record<string, string> = {
  review_approve: 'Ý kiến xem xét (đạt)',
  review_return: 'Xem xét: trả lại dự thảo',
  approve: 'Ý kiến phê duyệt',
  approval_return: 'Thủ trưởng trả lại dự thảo',
};

export const FILE_KIND_LABELS: Record<FileView['kind'], string> = {
  primary: 'Tệp chính',
  attachment: 'Tệp đính kèm',
};

/** The API address of a version (files, controlled copy, workflow steps hang under it). */
export function versionApiPath(documentId: string, versionId: string): string {
  return `/api/v1/documents/${documentId}/versions/${versionId}`;
}

/** A file size for people: 12,3 KB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024)
    return `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
