/**
 * The JSON of a register route: its responses also declare the XLSX and PDF bodies (a string),
 * which a request without `format` never gets.
 */
export function jsonRegister<T extends object>(data: T | string): T {
  if (typeof data === 'string') throw new Error('Sổ đăng ký trả về không phải JSON.');
  return data;
}
