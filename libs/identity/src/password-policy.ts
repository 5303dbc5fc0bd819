/** At least 8 characters with a letter and a digit: the floor for accounts that sign documents. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_PATTERN = /^(?=.*\p{L})(?=.*\d).{8,128}$/u;
export const PASSWORD_RULE_MESSAGE = 'Mật khẩu phải dài 8–128 ký tự, có ít nhất một chữ cái và một chữ số.';
