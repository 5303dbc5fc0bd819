import type { components } from '../../api/schema';
import type { Me } from '../../auth/AuthProvider';
import type { Role } from '../../auth/permissions';
import { TAG_COLORS, type FileView } from './labels';

export type RenditionState = components['schemas']['RenditionState'];
export type TextState = components['schemas']['TextState'];

/** The colour of each state's tag; its words are the server's `stateLabel`. */
export const RENDITION_COLORS: Record<RenditionState, string> = {
  pending: TAG_COLORS.blue,
  ready: TAG_COLORS.green,
  failed: TAG_COLORS.red,
  unavailable: TAG_COLORS.orange,
};

export const TEXT_COLORS: Record<TextState, string> = {
  pending: TAG_COLORS.blue,
  ready: TAG_COLORS.green,
  no_text_layer: TAG_COLORS.gold,
  unsupported: TAG_COLORS.grey,
  failed: TAG_COLORS.red,
};

/** The drafting circle of the version's agency may start a file's conversion and reading again. */
const CONTENT_RETRIERS: readonly Role[] = ['drafter', 'reviewer', 'approver', 'iso_secretary'];

export function mayRetryContent(me: Me | undefined, agencyId: string): boolean {
  return !!me && me.agencyId === agencyId && me.roles.some((r) => CONTENT_RETRIERS.includes(r));
}

/** Whether a retry would help: the conversion or the reading ended without a result. */
export function contentNeedsRetry(file: FileView): boolean {
  const { content } = file;
  if (!content) return false;
  const rendition = content.rendition?.state;
  return (
    rendition === 'failed' ||
    rendition === 'unavailable' ||
    content.text.state === 'failed' ||
    content.text.state === 'unsupported'
  );
}

/** Whether a file of the list is still being converted or read (the page asks again meanwhile). */
export function contentPending(files: readonly FileView[]): boolean {
  return files.some((f) => f.content?.rendition?.state === 'pending' || f.content?.text.state === 'pending');
}

export const CONTENT_TEXT = {
  column: 'Bản PDF, nội dung',
  retry: 'Chạy lại',
  retryLabel: (name: string) => `Chạy lại việc xử lý tệp ${name}`,
  retried: (name: string) => `Đã cho chạy lại việc xử lý tệp ${name}.`,
  errorPrefix: 'Lý do: ',
} as const;
