/**
 * Escapes a user's text for `LIKE '%' || :q || '%'`, so `%`, `_` and `\` match themselves
 * (backslash is PostgreSQL's default LIKE escape).
 */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
