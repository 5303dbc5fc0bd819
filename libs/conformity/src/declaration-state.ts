import { DomainException, ErrorCode } from '@eiso/common';

/** Công bố lần đầu, or công bố lại after the scope or the standard changed. */
export enum DeclarationKind {
  Initial = 'initial',
  Redeclaration = 'redeclaration',
}

/** draft → signed (the head) → submitted (to Sở KH&CN) → acknowledged (by the overseer). */
export enum DeclarationState {
  Draft = 'draft',
  Signed = 'signed',
  Submitted = 'submitted',
  Acknowledged = 'acknowledged',
}

export const DECLARATION_KIND_LABELS: Readonly<Record<DeclarationKind, string>> = {
  [DeclarationKind.Initial]: 'Công bố lần đầu',
  [DeclarationKind.Redeclaration]: 'Công bố lại',
};

export const DECLARATION_STATE_LABELS: Readonly<Record<DeclarationState, string>> = {
  [DeclarationState.Draft]: 'Dự thảo',
  [DeclarationState.Signed]: 'Đã ký',
  [DeclarationState.Submitted]: 'Đã gửi Sở KH&CN',
  [DeclarationState.Acknowledged]: 'Sở KH&CN đã tiếp nhận',
};

/** States the overseer sees: everything the head has signed. */
export const DECLARED_STATES: readonly DeclarationState[] = [
  DeclarationState.Signed,
  DeclarationState.Submitted,
  DeclarationState.Acknowledged,
];

export enum DeclarationTransition {
  Sign = 'sign',
  Submit = 'submit',
  Acknowledge = 'acknowledge',
}

const TRANSITIONS: Record<
  DeclarationTransition,
  { from: DeclarationState; to: DeclarationState; verb: string }
> = {
  [DeclarationTransition.Sign]: {
    from: DeclarationState.Draft,
    to: DeclarationState.Signed,
    verb: 'ký (chỉ khi còn là dự thảo)',
  },
  [DeclarationTransition.Submit]: {
    from: DeclarationState.Signed,
    to: DeclarationState.Submitted,
    verb: 'gửi Sở KH&CN (chỉ sau khi đã ký và chưa gửi)',
  },
  [DeclarationTransition.Acknowledge]: {
    from: DeclarationState.Submitted,
    to: DeclarationState.Acknowledged,
    verb: 'xác nhận tiếp nhận (chỉ khi cơ quan đã gửi và chưa được tiếp nhận)',
  },
};

/** The next state, or 409 CONFORMITY_DECLARATION_STATE_INVALID naming the state it is in. */
export function nextDeclarationState(
  state: DeclarationState,
  transition: DeclarationTransition,
): DeclarationState {
  const step = TRANSITIONS[transition];
  if (step.from !== state) {
    throw new DomainException(ErrorCode.ConformityDeclarationStateInvalid, {
      state,
      transition,
      message: `Quyết định công bố đang ở trạng thái "${DECLARATION_STATE_LABELS[state]}"; không thể ${step.verb}.`,
    });
  }
  return step.to;
}

/** A draft changes; nothing signed does. */
export function assertDraft(state: DeclarationState): void {
  if (state !== DeclarationState.Draft) {
    throw new DomainException(ErrorCode.ConformityDeclarationStateInvalid, {
      state,
      message: `Quyết định công bố đang ở trạng thái "${DECLARATION_STATE_LABELS[state]}"; chỉ dự thảo mới sửa hoặc hủy được.`,
    });
  }
}

/**
 * The legal bases (căn cứ) a new draft starts with: the Prime Minister's decision that puts
 * ISO 9001 into state administration and the Ministry's circular on how it is applied and declared.
 * Editable data: a draft may change them when the law does.
 */
export const DEFAULT_LEGAL_BASES: readonly string[] = [
  'Quyết định số 19/2014/QĐ-TTg ngày 05 tháng 3 năm 2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước',
  'Thông tư số 26/2014/TT-BKHCN ngày 10 tháng 10 năm 2014 của Bộ trưởng Bộ Khoa học và Công nghệ quy định chi tiết thi hành Quyết định số 19/2014/QĐ-TTg',
];
