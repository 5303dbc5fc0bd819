/** What the HTTP edge tells users about the input they sent (Vietnamese, shown as is). */
export const HTTP_MESSAGES = {
  fieldInvalid: (field: string): string => `Trường "${field}" không hợp lệ.`,
  fieldNotAllowed: (field: string): string => `Trường "${field}" không được phép gửi lên.`,
  fieldUnstorable: (field: string): string =>
    `Trường "${field}" chứa ký tự không hợp lệ (ký tự NUL hoặc ký tự Unicode bị cắt dở).`,
  tooDeep: (max: number): string => `Dữ liệu gửi lên lồng nhau quá ${max} cấp.`,
} as const;
